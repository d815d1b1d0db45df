"""The map's background ("fond de carte"): a commune setting, OpenStreetMap by default.

No Zope here: the profile's checks (`mairie check`) use it before any database is opened.
"""

from urllib.parse import urlsplit


OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = "© les contributeurs d'OpenStreetMap"


def is_tile_template(value: str) -> bool:
    """A Leaflet tile URL template served over HTTPS, with {z}, {x} and {y}."""
    if any(char.isspace() or char in "\"'<>\\" for char in value):
        return False
    parts = urlsplit(value)
    return (
        parts.scheme == "https"
        and "." in (parts.hostname or "")
        and all(placeholder in value for placeholder in ("{z}", "{x}", "{y}"))
    )
