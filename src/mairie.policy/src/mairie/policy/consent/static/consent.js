/* Cookie consent: tarteaucitron.js set up for a commune site (CNIL 2020 guidelines).
 *
 * Settings and French texts come from the server as JSON
 * (<script id="mairie-consent-config" type="application/json">, see
 * viewlet.py). Third-party frames were already replaced on the server
 * (embeds.py); tarteaucitron restores them once their service is allowed.
 *
 * The directory's map is our own service: when it is allowed, the page's
 * <html> gets the class "mairie-consent-map" and the event "mairie:consent"
 * is sent, which ../directory/static/directory-map.js waits for.
 */
(function () {
  "use strict";

  var source = document.getElementById("mairie-consent-config");
  if (!source || typeof tarteaucitron === "undefined") {
    return;
  }
  var config = JSON.parse(source.textContent);

  // Globals read by tarteaucitron.js: its texts, and how long the choice is kept.
  window.tarteaucitronCustomText = config.texts;
  window.tarteaucitronForceExpire = config.expireDays;
  window.tarteaucitronExpireInDay = true;

  tarteaucitron.services.mairie_map = {
    key: "mairie_map",
    type: "api",
    name: config.map.name,
    uri: config.map.uri,
    needConsent: true,
    cookies: [],
    js: function () {
      tarteaucitron.fallback(["mairie-directory-map"], "");
      document.documentElement.classList.add("mairie-consent-map");
      document.dispatchEvent(new CustomEvent("mairie:consent", { detail: "map" }));
    },
    fallback: function () {
      tarteaucitron.fallback(["mairie-directory-map"], tarteaucitron.engage("mairie_map"));
    },
  };

  tarteaucitron.init({
    privacyUrl: config.privacyUrl,
    bodyPosition: "top",
    hashtag: "#tarteaucitron",
    cookieName: "tarteaucitron",
    orientation: "middle",
    groupServices: false,
    showDetailsOnClick: true,
    serviceDefaultState: "wait",
    showAlertSmall: false,
    showTitleBanner: false,
    cookieslist: false,
    cookieslistEmbed: false,
    showIcon: false,
    adblocker: false,
    DenyAllCta: true,
    AcceptAllCta: true,
    highPrivacy: true,
    alwaysNeedConsent: false,
    handleBrowserDNTRequest: false,
    removeCredit: true,
    moreInfoLink: true,
    useExternalCss: true,
    useExternalJs: false,
    readmoreLink: "",
    mandatory: true,
    mandatoryCta: false,
    googleConsentMode: false,
    bingConsentMode: false,
    pianoConsentMode: false,
    softConsentMode: false,
    dataLayer: false,
    serverSide: false,
    partnersList: false,
  });

  config.services.forEach(function (key) {
    (tarteaucitron.job = tarteaucitron.job || []).push(key);
  });

  // "Cookie settings" in the footer: a button, shown once tarteaucitron has
  // built its panel and wired its buttons (tarteaucitron's "load" event).
  tarteaucitron.events.load = function () {
    document.querySelectorAll("[data-mairie-consent-open]").forEach(function (item) {
      item.hidden = false;
      item.querySelector("button").addEventListener("click", function () {
        tarteaucitron.userInterface.openPanel();
      });
    });
  };
})();
