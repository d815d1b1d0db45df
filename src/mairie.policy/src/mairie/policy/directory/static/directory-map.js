/* The directory's map: an enhancement of the list, which stays the reference.
 *
 * Reads the markers, the commune's tile layer and the French labels from
 * <script id="mairie-directory-map-data" type="application/json">, then draws
 * them with Leaflet (from npm, served with this file), once the visitor has
 * allowed the tile service. Without Leaflet or without JavaScript, the map's
 * section stays hidden.
 */
(function () {
  "use strict";

  function text(tag, content) {
    var element = document.createElement(tag);
    element.textContent = content;
    return element;
  }

  function popup(marker) {
    var content = document.createElement("div");
    var link = text("a", marker.title);
    link.href = marker.url;
    content.appendChild(link);
    if (marker.address) {
      content.appendChild(text("p", marker.address));
    }
    return content;
  }

  function escaped(value) {
    var element = document.createElement("div");
    element.textContent = value;
    return element.innerHTML;
  }

  function draw() {
    var container = document.getElementById("mairie-directory-map");
    var data = JSON.parse(document.getElementById("mairie-directory-map-data").textContent);

    var map = L.map(container, { zoomControl: false, scrollWheelZoom: false });
    L.control.zoom({
      zoomInTitle: data.labels.zoom_in,
      zoomOutTitle: data.labels.zoom_out,
    }).addTo(map);
    map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    L.tileLayer(data.tiles, {
      attribution: escaped(data.attribution),
      maxZoom: 19,
    }).addTo(map);

    var points = data.markers.map(function (marker) {
      L.marker([marker.lat, marker.lon], { title: marker.title, alt: marker.title })
        .bindPopup(popup(marker))
        .addTo(map);
      return [marker.lat, marker.lon];
    });
    map.fitBounds(points, { maxZoom: 16, padding: [32, 32] });

    // Leaflet names its close button in English.
    map.on("popupopen", function (event) {
      var close = event.popup.getElement().querySelector(".leaflet-popup-close-button");
      if (close) {
        close.setAttribute("aria-label", data.labels.close);
        close.setAttribute("title", data.labels.close);
      }
    });
  }

  // The tiles come from a third party: the map waits for the visitor's consent
  // (../../consent/static/consent.js), and shows tarteaucitron's placeholder until then.
  function start() {
    var container = document.getElementById("mairie-directory-map");
    if (!container || typeof L === "undefined") {
      return;
    }
    container.closest("section").hidden = false;
    if (document.documentElement.classList.contains("mairie-consent-map")) {
      draw();
    } else {
      document.addEventListener("mairie:consent", function (event) {
        if (event.detail === "map") {
          draw();
        }
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
