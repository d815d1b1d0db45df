/* The newsletter widget waits, inert, in a <template> until the visitor asks for it:
 * the provider's code (which may set cookies) runs only after this click.
 * Without JavaScript the button stays hidden and a sentence says why. */
(function () {
  "use strict";

  function init() {
    var consent = document.querySelector("[data-mairie-newsletter]");
    if (!consent) {
      return;
    }
    var template = consent.parentNode.querySelector("template");
    var button = consent.querySelector("button");
    if (!template || !("content" in template)) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      var widget = document.createElement("div");
      widget.className = "mairie-newsletter-widget";
      widget.setAttribute("tabindex", "-1");
      /* importNode keeps the scripts runnable: they run once inserted. */
      widget.appendChild(document.importNode(template.content, true));
      button.remove();
      template.remove();
      consent.appendChild(widget);
      widget.focus();
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
