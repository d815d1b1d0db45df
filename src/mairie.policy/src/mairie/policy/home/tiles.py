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
# The icons an editor picks a tile's from, each with what it suggests (Bootstrap icons
# that Plone ships; the stored value is the icon's name).
ICONS = (
    ("file-earmark-text", _("icon_file_earmark_text", default="Document (procedures)")),
    ("clock", _("icon_clock", default="Clock (opening hours)")),
    ("people", _("icon_people", default="People (council, associations)")),
    ("newspaper", _("icon_newspaper", default="Newspaper (bulletin, news)")),
    ("journal-bookmark", _("icon_journal_bookmark", default="Notebook (directory)")),
    ("envelope", _("icon_envelope", default="Envelope (contact, mail)")),
    ("telephone", _("icon_telephone", default="Telephone")),
    ("calendar-event", _("icon_calendar_event", default="Calendar (agenda)")),
    ("calendar-check", _("icon_calendar_check", default="Calendar with a tick (appointments)")),
    ("credit-card", _("icon_credit_card", default="Bank card (online payment)")),
    ("geo-alt", _("icon_geo_alt", default="Pin (address, place)")),
    ("map", _("icon_map", default="Map")),
    ("house", _("icon_house", default="House (housing)")),
    ("building", _("icon_building", default="Building (town hall, services)")),
    ("mortarboard", _("icon_mortarboard", default="Graduation cap (schools)")),
    ("balloon", _("icon_balloon", default="Balloon (childhood, festivities)")),
    ("book", _("icon_book", default="Book (library)")),
    ("cup-hot", _("icon_cup_hot", default="Hot cup (canteen)")),
    ("trophy", _("icon_trophy", default="Trophy (sport)")),
    ("music-note", _("icon_music_note", default="Music note (culture)")),
    ("film", _("icon_film", default="Film (cinema)")),
    ("camera", _("icon_camera", default="Camera (photos)")),
    ("tree", _("icon_tree", default="Tree (green spaces, environment)")),
    ("recycle", _("icon_recycle", default="Recycling (waste sorting)")),
    ("trash", _("icon_trash", default="Bin (waste collection)")),
    ("droplet", _("icon_droplet", default="Drop (water, sanitation)")),
    ("lightning", _("icon_lightning", default="Lightning (energy)")),
    ("cone-striped", _("icon_cone_striped", default="Traffic cone (works)")),
    ("signpost-split", _("icon_signpost_split", default="Signpost (roads, traffic)")),
    ("bus-front", _("icon_bus_front", default="Bus (transport)")),
    ("car-front", _("icon_car_front", default="Car (parking)")),
    ("bicycle", _("icon_bicycle", default="Bicycle")),
    ("person-wheelchair", _("icon_person_wheelchair", default="Wheelchair (accessibility)")),
    ("heart", _("icon_heart", default="Heart (solidarity, health)")),
    ("briefcase", _("icon_briefcase", default="Briefcase (jobs, businesses)")),
    ("shop", _("icon_shop", default="Shop (local businesses, market)")),
    ("megaphone", _("icon_megaphone", default="Megaphone (announcements)")),
    ("bell", _("icon_bell", default="Bell (alerts)")),
    ("exclamation-triangle", _("icon_exclamation_triangle", default="Warning sign (risks)")),
    ("chat-dots", _("icon_chat_dots", default="Speech bubble (participation)")),
    ("info-circle", _("icon_info_circle", default="Information")),
    ("link-45deg", _("icon_link_45deg", default="Link")),
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


def icon_choices(current: str, request) -> list[dict]:
    """The icons offered for a tile, in French, its own first when it is not in the list."""
    offered = [(name, translate(title, context=request)) for name, title in ICONS]
    if current and current not in dict(ICONS):
        other = _("icon_other", default="Other: ${name}", mapping={"name": current})
        offered.insert(0, (current, translate(other, context=request)))
    return [{"value": name, "title": title, "selected": name == current} for name, title in offered]


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
