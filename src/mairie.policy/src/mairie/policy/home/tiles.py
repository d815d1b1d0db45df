"""The "En un clic" quick-access tiles: the editor's, or links to the site's own pages."""

from .settings import home_settings
from mairie.policy import _
from mairie.policy.offices.provisioning import OFFICE
from mairie.policy.provisioning.content import BULLETINS
from mairie.policy.provisioning.content import COUNCIL
from mairie.policy.provisioning.content import DIRECTORY
from mairie.policy.provisioning.content import MAIRIE
from mairie.policy.provisioning.content import PROCEDURES
from plone.registry.interfaces import IRegistry
from zope.component import getUtility
from zope.i18n import translate

import re


ICON_PREFIX = "plone.icon."
DEFAULT_ICON = "link-45deg"
# (path in the site, title, icon), shown when the page exists.
DEFAULTS = (
    (PROCEDURES, _("tile_procedures", default="Procedures"), "file-earmark-text"),
    (f"{MAIRIE}/{OFFICE}", _("tile_hours", default="Opening hours"), "clock"),
    (COUNCIL, _("tile_council", default="Municipal council"), "people"),
    (BULLETINS, _("tile_bulletins", default="Municipal bulletin"), "newspaper"),
    (DIRECTORY, _("tile_directory", default="Directory"), "journal-bookmark"),
    ("contact", _("tile_contact", default="Contact"), "envelope"),
)
# A site path ("/demarches") or a web address; nothing a browser would run.
_URL = re.compile(r"^(/[^/\s]\S*|/|https?://[^\s/]+\S*)$", re.IGNORECASE)


def default_tiles(site, request) -> list[dict]:
    """Tiles to the site's real pages, as the control panel stores them."""
    return [
        {"title": translate(title, context=request), "url": f"/{path}", "icon": icon}
        for path, title, icon in DEFAULTS
        if site.unrestrictedTraverse(path, None) is not None
    ]


def stored_or_default_tiles(site, request) -> list[dict]:
    return list(home_settings().tiles or ()) or default_tiles(site, request)


def current_tiles(site, request) -> list[dict]:
    """The tiles to show, with absolute links."""
    base = site.absolute_url()
    return [
        {
            **tile,
            "icon": tile.get("icon") or DEFAULT_ICON,
            "href": base + tile["url"] if tile["url"].startswith("/") else tile["url"],
        }
        for tile in stored_or_default_tiles(site, request)
    ]


def known_icon(name: str) -> bool:
    return ICON_PREFIX + name in getUtility(IRegistry).records


def check_tiles(tiles) -> list:
    """Messages for tiles without a title, with a bad link or an unknown icon."""
    errors = []
    for position, tile in enumerate(tiles, start=1):
        mapping = {"position": position}
        if not tile["title"]:
            errors.append(
                _(
                    "home_error_tile_title",
                    default="Tile ${position}: a title is required.",
                    mapping=mapping,
                )
            )
        if not _URL.match(tile["url"]):
            errors.append(
                _(
                    "home_error_tile_url",
                    default="Tile ${position}: the link must be a page of the site "
                    "starting with “/” or an address starting with “https://”.",
                    mapping=mapping,
                )
            )
        if tile["icon"] and not known_icon(tile["icon"]):
            errors.append(
                _(
                    "home_error_tile_icon",
                    default="Tile ${position}: unknown icon “${icon}”.",
                    mapping={**mapping, "icon": tile["icon"]},
                )
            )
    return errors
