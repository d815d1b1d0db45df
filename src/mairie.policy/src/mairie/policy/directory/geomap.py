"""The directory's map: what static/directory-map.js draws, and whether Leaflet is there.

Leaflet comes from npm at build time (`make install`, `make buildout`), copied
into static/leaflet/; without it the pages show the list alone.
"""

from .tiles import is_tile_template
from .tiles import OSM_ATTRIBUTION
from .tiles import OSM_TILES
from mairie.policy import _
from pathlib import Path
from plone import api
from zope.i18n import translate

import json


LEAFLET = Path(__file__).parent / "static" / "leaflet"
RESOURCES = "++resource++mairie.directory"


def leaflet_built() -> bool:
    return (LEAFLET / "leaflet.js").is_file() and (LEAFLET / "leaflet.css").is_file()


def resources() -> dict:
    """URLs of the scripts and style sheets of the map."""
    base = f"{api.portal.get().absolute_url()}/{RESOURCES}"
    return {
        "leaflet_css": f"{base}/leaflet/leaflet.css",
        "leaflet_js": f"{base}/leaflet/leaflet.js",
        "map_css": f"{base}/directory-map.css",
        "map_js": f"{base}/directory-map.js",
    }


def tile_layer() -> dict:
    """The commune's tile layer; OpenStreetMap when the setting is empty or unusable."""
    tiles = api.portal.get_registry_record("mairie.commune.map_tiles", default="") or ""
    attribution = api.portal.get_registry_record("mairie.commune.map_attribution", default="")
    if not is_tile_template(tiles):
        return {"tiles": OSM_TILES, "attribution": OSM_ATTRIBUTION}
    return {"tiles": tiles, "attribution": attribution or ""}


def brain_marker(brain) -> dict | None:
    """A marker from a catalog brain (its directory_location column), or None."""
    if not brain.directory_location:
        return None
    latitude, longitude, address = brain.directory_location
    return _marker(brain.Title, brain.getURL(), latitude, longitude, address)


def entry_marker(entry) -> dict | None:
    coordinates = entry.coordinates()
    if coordinates is None:
        return None
    return _marker(entry.title, entry.absolute_url(), *coordinates, entry.address())


def _marker(title, url, latitude, longitude, address) -> dict:
    return {"title": title, "url": url, "lat": latitude, "lon": longitude, "address": address}


def map_json(markers, request) -> str | None:
    """The map's data as JSON safe inside a <script> element; None when there is no map."""
    markers = [marker for marker in markers if marker]
    if not markers or not leaflet_built():
        return None
    labels = {
        "zoom_in": _("map_zoom_in", default="Zoom in"),
        "zoom_out": _("map_zoom_out", default="Zoom out"),
        "close": _("map_close_popup", default="Close this bubble"),
    }
    data = {
        **tile_layer(),
        "markers": markers,
        "labels": {key: translate(label, context=request) for key, label in labels.items()},
    }
    return script_json(data)


def script_json(data) -> str:
    """JSON that cannot end the ``<script type="application/json">`` holding it."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
