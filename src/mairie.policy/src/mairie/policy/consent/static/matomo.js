/* The commune's Matomo in the CNIL's exempt mode (see ../matomo.py): no cookie,
 * no user id, no cross-site linking; reads its address and site id from
 * <script id="mairie-matomo-config" type="application/json">. */
(function () {
  "use strict";

  var source = document.getElementById("mairie-matomo-config");
  if (!source) {
    return;
  }
  var config = JSON.parse(source.textContent);
  var _paq = (window._paq = window._paq || []);
  _paq.push(["disableCookies"]);
  _paq.push(["trackPageView"]);
  _paq.push(["enableLinkTracking"]);
  _paq.push(["setTrackerUrl", config.url + "matomo.php"]);
  _paq.push(["setSiteId", String(config.siteId)]);
  var script = document.createElement("script");
  script.async = true;
  script.src = config.url + "matomo.js";
  document.head.appendChild(script);
})();
