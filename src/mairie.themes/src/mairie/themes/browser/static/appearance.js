/* « Apparence de la commune »: the native colour picker beside each hex field, a live
   swatch and the WCAG 2.1 contrast ratio against the text the colour carries, as
   mairie.themes.contrast computes it (the server still refuses what fails). */
(function () {
  "use strict";
  var HEX = /^#(?:[0-9a-fA-F]{3}){1,2}$/;

  function sixDigits(colour) {
    var digits = colour.slice(1).toLowerCase();
    if (digits.length === 3) {
      digits = digits.replace(/./g, "$&$&");
    }
    return "#" + digits;
  }

  function luminance(colour) {
    var digits = sixDigits(colour).slice(1);
    var linear = [0, 2, 4].map(function (start) {
      var value = parseInt(digits.slice(start, start + 2), 16) / 255;
      return value <= 0.04045 ? value / 12.92 : Math.pow((value + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
  }

  function ratio(first, second) {
    var a = luminance(first);
    var b = luminance(second);
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  }

  // « 2,9:1 », rounded down as french_ratio() does: a refused ratio never reads 4,5:1.
  function french(value) {
    return (Math.floor(value * 10) / 10).toFixed(1).replace(".", ",") + ":1";
  }

  function wire(box) {
    var code = box.querySelector("input[type=text]");
    var picker = box.querySelector("input[type=color]");
    var swatch = box.querySelector(".mairie-colour-swatch");
    var contrast = box.querySelector(".mairie-colour-contrast");
    var minimum = parseFloat(box.dataset.minimum);
    picker.hidden = false;

    function show() {
      var value = code.value.trim();
      var low = true;
      if (HEX.test(value)) {
        var measured = ratio(value, box.dataset.text);
        low = measured < minimum;
        picker.value = sixDigits(value);
        swatch.style.backgroundColor = value;
        swatch.style.color = box.dataset.text;
        contrast.textContent = (low ? box.dataset.messageLow : box.dataset.messageOk).replace(
          "${ratio}",
          french(measured)
        );
      } else {
        swatch.style.backgroundColor = "";
        contrast.textContent = box.dataset.messageFormat;
      }
      contrast.classList.toggle("mairie-colour-low", low);
      if (low) {
        code.setAttribute("aria-invalid", "true");
      } else {
        code.removeAttribute("aria-invalid");
      }
    }

    picker.addEventListener("input", function () {
      code.value = picker.value;
      show();
    });
    code.addEventListener("input", show);
    show();
  }

  document.querySelectorAll("[data-mairie-colour]").forEach(wire);
})();
