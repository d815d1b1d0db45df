"""The Content-Security-Policy: one base policy, plus the origins features declare.

Everything the site serves itself (Plone's bundles, the themes, Leaflet,
tarteaucitron under ``++plone++``/``++resource++``) is 'self'. A feature that
needs a third-party origin (map tiles, a captcha, an embed after consent)
registers an ``ICspSources`` named utility; this module only merges them.
"""

from lxml import etree
from lxml import html
from mairie.policy.directory.geomap import tile_layer
from mairie.policy.interfaces import ICspSources
from urllib.parse import urlsplit
from zope.component import getUtilitiesFor
from zope.interface import implementer


BASE = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    # Plone's templates and patterns set style attributes everywhere.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
# Plone's back-office needs them (measured in Chromium: folder_contents
# evaluates its templates, the control panels have inline event handlers);
# the edit form and TinyMCE do not. Authenticated users only.
EDITING = {"script-src": ["'unsafe-inline'", "'unsafe-eval'"]}


def policy(registry, authenticated: bool) -> str:
    directives = {name: list(values) for name, values in BASE.items()}
    extras = [EDITING] if authenticated else []
    if registry is not None:
        extras += [utility.sources(registry) for _name, utility in getUtilitiesFor(ICspSources)]
    for extra in extras:
        for name, values in extra.items():
            directives.setdefault(name, ["'self'"])
            directives[name] += [value for value in values if value not in directives[name]]
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def origin(url: str) -> str | None:
    """The origin of an absolute http(s) URL, a ``{s}`` subdomain as a wildcard."""
    parts = urlsplit(url.strip().replace("{s}", "*"))
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return f"{parts.scheme}://{parts.netloc}"


@implementer(ICspSources)
class MapTiles:
    """The directory map's tiles (commune setting ``map:``, OpenStreetMap when unset)."""

    def sources(self, registry):
        tiles = origin(tile_layer()["tiles"])
        return {"img-src": [tiles]} if tiles else {}


@implementer(ICspSources)
class NewsletterWidget:
    """The provider of the newsletter widget, once the visitor displays it."""

    def sources(self, registry):
        code = registry.get("mairie.commune.newsletter_widget", "") or ""
        if not code.strip():
            return {}
        try:
            fragments = html.fragments_fromstring(code)
        except (etree.ParserError, ValueError):
            return {}
        origins = sorted(
            {
                found
                for fragment in fragments
                if isinstance(fragment, html.HtmlElement)
                for element in fragment.iter()
                for attribute in ("src", "action")
                if (found := origin(element.get(attribute) or ""))
            }
        )
        if not origins:
            return {}
        directives = ("script-src", "style-src", "img-src", "connect-src", "frame-src")
        return {name: origins for name in (*directives, "form-action")}
