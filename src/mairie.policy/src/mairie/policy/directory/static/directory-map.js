/* The directory's map: an enhancement of the list, which stays the reference.
 *
 * Reads the markers, the commune's tile layer and the French labels from
 * <script id="mairie-directory-map-data" type="application/json">, then draws
 * them with Leaflet (from npm, served with this file). Without Leaflet or
 * without JavaScript, the map's section stays hidden.
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
    var source = document.getElementById("mairie-directory-map-data");
    if (!container || !source || typeof L === "undefined") {
      return;
    }
    var data = JSON.parse(source.textContent);
    container.closest("section").hidden = false;

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

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
