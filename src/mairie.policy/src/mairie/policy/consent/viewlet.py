"""The consent banner in every page's head: tarteaucitron.js, its settings and French texts.

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
                    "consent_banner",
                    default=(
                        "This site sets no cookie of its own for tracking. Some pages show "
                        "content from other services, which may set cookies and learn your "
                        "address: videos (YouTube, Dailymotion, Vimeo) and the directory map "
                        "(${map}). Allow them or not, all together or one by one; you can "
                        "change your mind at any time with “Cookie settings” at the bottom "
                        "of every page."
                    ),
                    mapping={"map": map_service["name"]},
                )
            ),
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
        self.config = script_json(settings(self.navigation_root_url, self.request))

    def render(self):
        return self.index() if tarteaucitron_built() else ""
