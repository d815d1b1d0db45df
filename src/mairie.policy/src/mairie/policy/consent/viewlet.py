"""Cookie consent in every page's head: its settings and French texts, and consent.js,
which loads tarteaucitron.js only where content from another service waits.

The settings travel as JSON in a ``<script type="application/json">``, read
by ``static/consent.js``: no inline script, so a strict Content-Security-Policy
can forbid them. tarteaucitron.js is copied from npm by the build; until it is
there the viewlet renders nothing and every embed stays a plain link.
"""

from .services import MAP_SERVICE
from .services import tile_service
from .services import VIDEO_NAMES
from .services import VIDEO_SERVICES
from mairie.policy import _
from mairie.policy.directory.geomap import script_json
from mairie.policy.legal.provisioning import PERSONAL_DATA
from pathlib import Path
from plone.app.layout.viewlets.common import ViewletBase
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate


STATIC = Path(__file__).parent / "static"
RESOURCES = "++resource++mairie.consent"
# CNIL 2020 guidelines: the choice is kept about six months, then asked again.
CHOICE_KEPT_DAYS = 183


def tarteaucitron_built() -> bool:
    return (STATIC / "tarteaucitron" / "tarteaucitron.js").is_file()


def settings(portal_url: str, request) -> dict:
    """What static/consent.js needs: parameters, services, and our French texts."""
    map_service = tile_service()

    def text(message):
        return translate(message, context=request)

    return {
        "expireDays": CHOICE_KEPT_DAYS,
        "privacyUrl": f"{portal_url}/{PERSONAL_DATA}",
        "services": [*VIDEO_SERVICES, MAP_SERVICE],
        "map": map_service,
        "texts": {
            "alertBigPrivacy": text(
                _(
                    "consent_banner_page",
                    default=(
                        "This page shows content from another service (a video, the map), "
                        "which may set cookies and learn your address. Allow it or not; "
                        "“Cookie settings”, at the bottom of every page, lets you change "
                        "your mind."
                    ),
                )
            ),
            # tarteaucitron's categories, named for a resident (« APIs » meant nothing).
            "api": {
                "title": text(_("consent_category_maps", default="Maps")),
                "details": text(
                    _(
                        "consent_category_maps_details",
                        default="The directory's map tiles, loaded from ${map}.",
                        mapping={"map": map_service["name"]},
                    )
                ),
            },
            "video": {
                "details": text(
                    _(
                        "consent_category_videos_details",
                        default="Videos shown in the pages, played from their service's site.",
                    )
                ),
            },
            **{
                f"engage-{key}": text(
                    _(
                        "consent_video_placeholder",
                        default=(
                            "This video is shown by ${service}, which may set cookies and "
                            "learn your address. It plays once you allow ${service}."
                        ),
                        mapping={"service": name},
                    )
                )
                for key, name in VIDEO_NAMES.items()
            },
            f"engage-{MAP_SERVICE}": text(
                _(
                    "consent_map_placeholder",
                    default=(
                        "The map uses the tiles of ${map}, which then receives your address. "
                        "The list above gives the same information."
                    ),
                    mapping={"map": map_service["name"]},
                )
            ),
        },
    }


class ConsentViewlet(ViewletBase):
    index = ViewPageTemplateFile("templates/head.pt")

    def update(self):
        super().update()
        self.resources = f"{self.site_url}/{RESOURCES}"
        config = settings(self.navigation_root_url, self.request)
        config["resources"] = self.resources  # where consent.js finds tarteaucitron.js
        self.config = script_json(config)

    def render(self):
        return self.index() if tarteaucitron_built() else ""
