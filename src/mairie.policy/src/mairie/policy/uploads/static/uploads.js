/* The editors' file fields: a file above the field's limit is not sent. The input is
   cleared and the French message said at once, instead of after a long upload; the
   server checks the same limit (mairie.policy.pdf). */
(function () {
  "use strict";
  var MB = 1024 * 1024;

  // « 26,2 », rounded up as pdf.french_megabytes() does.
  function megabytes(size) {
    return (Math.ceil((size * 10) / MB) / 10).toFixed(1).replace(".", ",");
  }

  function wire(limit) {
    var input = document.getElementById(limit.dataset.for);
    if (!input || input.dataset.mairieUploadLimit) {
      return;
    }
    input.dataset.mairieUploadLimit = limit.dataset.mairieUploadLimit;
    var message = document.createElement("p");
    message.className = "invalid-feedback d-block mairie-upload-refused";
    message.setAttribute("role", "alert");
    message.hidden = true;
    input.insertAdjacentElement("afterend", message);

    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      var tooLarge = file && file.size > parseInt(limit.dataset.mairieUploadLimit, 10);
      message.hidden = !tooLarge;
      if (tooLarge) {
        message.textContent = limit.dataset.message.replace("${size}", megabytes(file.size));
        input.value = "";
        input.setAttribute("aria-invalid", "true");
      } else {
        message.textContent = "";
        input.removeAttribute("aria-invalid");
        // A file chosen replaces the stored one: « Remplacer » follows the choice.
        var replace = limit.dataset.replace && document.getElementById(limit.dataset.replace);
        if (file && replace) {
          replace.checked = true;
        }
      }
    });
  }

  document.querySelectorAll("[data-mairie-upload-limit]").forEach(wire);
})();
