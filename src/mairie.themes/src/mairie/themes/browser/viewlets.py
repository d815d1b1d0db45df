"""The pieces of the shared markup that come from the commune: Diazo puts them in place."""

from functools import cache
from mairie.themes.appearance import palette
from mairie.themes.appearance import palette_version
from mairie.themes.appearance import setting
from mairie.themes.catalog import THEME_PREFIX
from mairie.themes.catalog import THEMES_DIR
from pathlib import Path
from plone.app.layout.viewlets.common import ViewletBase
from plone.app.theming.interfaces import IThemeSettings
from plone.base.utils import safe_text
from plone.memoize.view import memoize
from plone.registry.interfaces import IRegistry
from Products.CMFPlone.utils import getSiteLogo
from zope.component import getUtility

import hashlib


# Shortcuts of the header, by path from the site root: shown when they exist.
QUICK_LINKS = (
    "demarches",
    "ma-mairie/horaires-et-contact",
    "agenda",
    "demarches/nous-contacter",
)
OG_LOCALE = "fr_FR"
SHARED = Path(__file__).parent.parent / "shared"


@cache
def file_version(path: Path) -> str:
    """A short digest of a static file: a new one in the address at each change.

    Resources are kept a day by browsers and the shared cache (caching.xml):
    a new layout reaches every visitor with the pages that need it.
    """
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


class StylesheetsViewlet(ViewletBase):
    """The shared stylesheet, the template's own and the commune's palette."""

    def update(self):
        super().update()
        theme = getUtility(IRegistry).forInterface(IThemeSettings, False).currentTheme or ""
        shared = f"{self.site_url}/++plone++mairie.themes"
        self.stylesheets = [
            f"{shared}/mairie.css?v={file_version(SHARED / 'mairie.css')}",
            f"{self.site_url}/@@mairie-palette.css?v={palette_version(palette())}",
        ]
        own = THEMES_DIR / theme.removeprefix(THEME_PREFIX) / "theme.css"
        if theme.startswith(THEME_PREFIX) and own.is_file():
            version = file_version(own)
            self.stylesheets.insert(1, f"{self.site_url}/++theme++{theme}/theme.css?v={version}")
        self.script = f"{shared}/mairie.js?v={file_version(SHARED / 'mairie.js')}"


class SocialTagsViewlet(ViewletBase):
    """Meta description and Open Graph tags, from the commune's settings on its home page."""

    def update(self):
        super().update()
        context_state = self.context.restrictedTraverse("@@plone_context_state")
        portal_state = self.context.restrictedTraverse("@@plone_portal_state")
        is_home = context_state.is_portal_root()
        site_title = safe_text(portal_state.navigation_root_title())
        description = safe_text(self.context.Description() or "")
        if is_home or not description:
            description = setting("meta_description", "") or description
        title = site_title if is_home else safe_text(self.context.Title())
        self.description = description
        self.tags = {
            "og:title": title,
            "og:description": description,
            "og:url": context_state.canonical_object_url(),
            "og:image": self.image(),
            "og:locale": OG_LOCALE,
            "og:site_name": site_title,
            "og:type": "website",
        }

    def image(self):
        lead = self.context.restrictedTraverse("@@images", None)
        if lead is not None and getattr(self.context.aq_base, "image", None):
            scale = lead.scale("image", scale="great")
            if scale is not None:
                return scale.url
        return getSiteLogo()


class HeaderViewlet(ViewletBase):
    """Skip links, slogan, quick links and the menu button of the small screens."""

    @memoize
    def quick_links(self):
        links = []
        for path in QUICK_LINKS:
            target = self.portal_state.portal().restrictedTraverse(path, None)
            if target is not None:
                links.append({"url": target.absolute_url(), "title": target.Title()})
        return links

    def slogan(self):
        return setting("slogan", "")


class FooterViewlet(ViewletBase):
    """The mairie's address and phone, on every page."""

    def update(self):
        super().update()
        self.street = setting("address_street", "")
        self.city = " ".join(
            part
            for part in (setting("address_postal_code", ""), setting("address_city", ""))
            if part
        )
        self.phone = setting("phone", "")
        self.phone_href = "tel:" + self.phone.replace(" ", "")
        self.name = safe_text(self.portal_state.navigation_root_title())
        hours = self.portal_state.portal().restrictedTraverse(QUICK_LINKS[1], None)
        self.hours_url = hours.absolute_url() if hours is not None else None
