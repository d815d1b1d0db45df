/* Alerts a visitor hid stay hidden on the next pages (this browser only).
 * Without JavaScript the "Hide" buttons stay hidden and the alerts are shown:
 * nothing breaks. Keys carry the alert's modification time, so an edited
 * alert shows again. */
(function () {
  "use strict";
  var KEY = "mairie.alerts.dismissed";

  function read() {
    try {
      var value = JSON.parse(window.localStorage.getItem(KEY));
      return Array.isArray(value) ? value : [];
    } catch (error) {
      return [];
    }
  }

  function write(keys) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(keys));
    } catch (error) {
      /* Private browsing or storage disabled: the alert is hidden on this page only. */
    }
  }

  function visible(region) {
    return region.querySelectorAll("[data-mairie-alert]:not([hidden])");
  }

  function init() {
    var region = document.querySelector(".mairie-alerts");
    if (!region) {
      return;
    }
    var alerts = region.querySelectorAll("[data-mairie-alert]");
    var shown = [];
    var dismissed = read();
    Array.prototype.forEach.call(alerts, function (alert) {
      var key = alert.getAttribute("data-mairie-alert");
      shown.push(key);
      if (dismissed.indexOf(key) !== -1) {
        alert.hidden = true;
        return;
      }
      var button = alert.querySelector(".mairie-alert-dismiss");
      button.hidden = false;
      button.addEventListener("click", function () {
        alert.hidden = true;
        var keys = read();
        if (keys.indexOf(key) === -1) {
          keys.push(key);
        }
        write(keys);
        var next = visible(region)[0];
        if (next) {
          next.querySelector(".mairie-alert-dismiss").focus();
        } else {
          region.hidden = true;
          var content = document.getElementById("content") || document.querySelector("main");
          if (content) {
            content.setAttribute("tabindex", "-1");
            content.focus();
          }
        }
      });
    });
    /* Forget the alerts that are over: the list never grows. */
    write(dismissed.filter(function (key) {
      return shown.indexOf(key) !== -1;
    }));
    if (!visible(region).length) {
      region.hidden = true;
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
