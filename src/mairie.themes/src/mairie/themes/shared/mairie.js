/* The menu button of small screens: shown and wired only when JavaScript runs,
   so that without it the menu simply stays open. */
(function () {
  "use strict";
  var button = document.getElementById("mairie-menu-button");
  var menu = document.getElementById("portal-globalnav");
  if (!button || !menu) {
    return;
  }
  document.documentElement.classList.add("mairie-js");
  button.hidden = false;
  function toggle(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    menu.classList.toggle("mairie-open", open);
  }
  button.addEventListener("click", function () {
    toggle(button.getAttribute("aria-expanded") !== "true");
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
      toggle(false);
      button.focus();
    }
  });
})();
