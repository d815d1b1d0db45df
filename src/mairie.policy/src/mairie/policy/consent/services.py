"""The third-party services a commune site may use, as the consent banner lists them.

tarteaucitron.js asks about each service by its key; the videos are its own
services, the directory's map is ours (``static/consent.js``), named after the
commune's tile service, which receives the visitor's address with each tile.
"""

from mairie.policy.directory.geomap import tile_layer
from mairie.policy.directory.tiles import OSM_TILES
from mairie.policy.interfaces import ICspSources
from urllib.parse import urlsplit
from zope.interface import implementer


VIDEO_NAMES = {"youtube": "YouTube", "dailymotion": "Dailymotion", "vimeo": "Vimeo"}
VIDEO_SERVICES = tuple(VIDEO_NAMES)
# Where tarteaucitron's own services load the videos from, once allowed.
VIDEO_ORIGINS = (
    "https://www.youtube-nocookie.com",
    "https://www.dailymotion.com",
    "https://player.vimeo.com",
)
MAP_SERVICE = "mairie_map"
OSM_NAME = "OpenStreetMap"
OSM_PRIVACY = "https://osmfoundation.org/wiki/Privacy_Policy"


def tile_service() -> dict:
    """Name and privacy page of the map's tile service (the host when it is not OSM)."""
    tiles = tile_layer()["tiles"]
    if tiles == OSM_TILES:
        return {"name": OSM_NAME, "uri": OSM_PRIVACY}
    parts = urlsplit(tiles)
    return {"name": parts.hostname, "uri": f"https://{parts.hostname}/"}


@implementer(ICspSources)
class VideoFrames:
    """The video players' frames, for the Content-Security-Policy (headers/csp.py)."""

    def sources(self, registry):
        return {"frame-src": list(VIDEO_ORIGINS)}
