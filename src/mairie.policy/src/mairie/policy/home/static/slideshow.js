/* The home page's slideshow (RGAA 13.8): one image at a time, a visible
 * Pause/Play button, previous/next buttons, no automatic change while the
 * pointer or the keyboard focus is on it, none at all when the visitor asks
 * for reduced motion. Without this script every image stays visible. */
(function () {
  "use strict";

  function setUp(hero) {
    var slides = hero.querySelectorAll(".mairie-hero__slide");
    var controls = hero.querySelector(".mairie-hero__controls");
    var toggle = hero.querySelector(".mairie-hero__toggle");
    var list = hero.querySelector(".mairie-hero__slides");
    if (slides.length < 2 || !controls || !toggle) {
      return;
    }
    var interval = Math.max(5000, parseInt(hero.getAttribute("data-interval"), 10) || 7000);
    var reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    var current = 0;
    var paused = reduced; // by the visitor (or their settings)
    var held = false; // by pointer or focus
    var timer = null;

    function show(index) {
      current = (index + slides.length) % slides.length;
      for (var i = 0; i < slides.length; i++) {
        slides[i].hidden = i !== current;
      }
    }

    function schedule() {
      window.clearTimeout(timer);
      timer = null;
      if (!paused && !held) {
        timer = window.setTimeout(function () {
          show(current + 1);
          schedule();
        }, interval);
      }
      list.setAttribute("aria-live", paused || held ? "polite" : "off");
    }

    function setPaused(value) {
      paused = value;
      toggle.textContent = toggle.getAttribute(paused ? "data-label-play" : "data-label-pause");
      toggle.classList.toggle("is-paused", paused);
      schedule();
    }

    function hold(value) {
      held = value;
      schedule();
    }

    toggle.addEventListener("click", function () {
      setPaused(!paused);
    });
    hero.querySelector(".mairie-hero__previous").addEventListener("click", function () {
      show(current - 1);
    });
    hero.querySelector(".mairie-hero__next").addEventListener("click", function () {
      show(current + 1);
    });
    hero.addEventListener("mouseenter", function () {
      hold(true);
    });
    hero.addEventListener("mouseleave", function () {
      hold(hero.contains(document.activeElement));
    });
    hero.addEventListener("focusin", function () {
      hold(true);
    });
    hero.addEventListener("focusout", function (event) {
      hold(hero.contains(event.relatedTarget) || hero.matches(":hover"));
    });

    controls.hidden = false;
    hero.classList.add("mairie-hero--ready");
    show(0);
    setPaused(paused);
  }

  var heroes = document.querySelectorAll(".mairie-hero--slideshow");
  for (var i = 0; i < heroes.length; i++) {
    setUp(heroes[i]);
  }
})();
