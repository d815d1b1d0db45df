/* Cookie consent: tarteaucitron.js set up for a commune site (CNIL 2020 guidelines).
 *
 * The site sets no tracker of its own: consent is asked only where content from
 * another service waits (a video, the directory's map), so tarteaucitron.js is
 * loaded on those pages only, with a bar at the bottom, never a wall before the
 * page; elsewhere nothing is loaded, and "Gestion des cookies" in the footer
 * loads it to open the choices.
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
  if (!source) {
    return;
  }
  var config = JSON.parse(source.textContent);
  var WAITING = ".mairie-consent-embed, #mairie-directory-map";
  var loading = null;
  var built = false;
  var ready = [];

  // Globals read by tarteaucitron.js as it loads: its texts, how long the choice is kept.
  window.tarteaucitronCustomText = config.texts;
  window.tarteaucitronForceExpire = config.expireDays;
  window.tarteaucitronExpireInDay = true;

  function load(then) {
    if (then && built) {
      then();
    } else if (then) {
      ready.push(then);
    }
    if (loading) {
      return;
    }
    var style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = config.resources + "/tarteaucitron/css/tarteaucitron.css";
    document.head.insertBefore(style, document.head.querySelector("link[href$='consent.css']"));
    loading = document.createElement("script");
    loading.src = config.resources + "/tarteaucitron/tarteaucitron.js";
    loading.addEventListener("load", start);
    document.head.appendChild(loading);
  }

  // "Gestion des cookies" in the footer: the choices, on every page.
  document.querySelectorAll("[data-mairie-consent-open]").forEach(function (item) {
    item.hidden = false;
    item.querySelector("button").addEventListener("click", function () {
      load(function () {
        tarteaucitron.userInterface.openPanel();
      });
    });
  });
  if (document.querySelector(WAITING)) {
    load();
  }

  function start() {
    // tarteaucitron writes its players' frames protocol-relative (src="//www.youtube-nocookie.com"):
    // on a page served over http they asked http://, which the site's Content-Security-Policy
    // (headers/csp.py, consent/services.py) refuses. Every player is asked over https.
    var fallback = tarteaucitron.fallback;
    tarteaucitron.fallback = function (matchClass, content, noInner) {
      var build = content;
      if (typeof build === "function" && noInner !== true) {
        content = function (elem) {
          return String(build(elem)).replace(/ src="\/\//g, ' src="https://');
        };
      }
      return fallback.call(tarteaucitron, matchClass, content, noInner);
    };

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


    config.services.forEach(function (key) {
      (tarteaucitron.job = tarteaucitron.job || []).push(key);
    });

    // tarteaucitron wires its buttons once built ("load"): then open what was asked.
    tarteaucitron.events.load = function () {
      built = true;
      // The choices' buttons work from now on (tarteaucitron wires them late).
      document.documentElement.classList.add("mairie-consent-ready");
      ready.splice(0).forEach(function (then) {
        then();
      });
    };
    // Last: on a page already loaded, init builds everything at once.
    tarteaucitron.init({
      privacyUrl: config.privacyUrl,
      bodyPosition: "top",
      hashtag: "#tarteaucitron",
      cookieName: "tarteaucitron",
      orientation: "bottom",
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
  }
})();
