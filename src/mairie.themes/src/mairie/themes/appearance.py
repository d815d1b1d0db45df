"""The commune's look at render time: palette as CSS custom properties, slogan, contact.

Values come from the registry on every request, so a change shows at once.
A value that is not a readable colour falls back to the template's default.
"""

from mairie.themes.contrast import channels
from mairie.themes.contrast import contrast_error
from mairie.themes.interfaces import HEX_COLOUR
from mairie.themes.interfaces import SETTINGS_PREFIX
from plone.registry.interfaces import IRegistry
from zope.component import getUtility

import hashlib


# Custom property -> registry field, with a default that passes the contrast rule.
PALETTE = (
    ("--mairie-primary", "palette_primary", "#1f4e79"),
    ("--mairie-secondary", "palette_secondary", "#3e7040"),
    ("--mairie-footer-bg", "palette_footer_background", "#16324f"),
)
TEXT_COLOUR = "#ffffff"


def setting(name: str, default=None):
    """One of the commune's settings, or ``default`` where it is missing."""
    value = getUtility(IRegistry).get(f"{SETTINGS_PREFIX}.{name}")
    return default if value is None else value


def palette() -> dict[str, str]:
    """Every custom property of the palette, with the text colour of each background."""
    properties = {}
    for prop, field, default in PALETTE:
        value = setting(field, default)
        if not HEX_COLOUR.fullmatch(value) or contrast_error(value) is not None:
            value = default
        properties[prop] = value.lower()
        properties[f"{prop}-rgb"] = _rgb(value)
        properties[f"{prop}-text"] = TEXT_COLOUR
    return properties


def _rgb(colour: str) -> str:
    """« 31, 78, 121 »: what Bootstrap's ``--bs-*-rgb`` properties expect."""
    return ", ".join(map(str, channels(colour)))


def palette_css(properties: dict[str, str]) -> str:
    lines = "".join(f"  {name}: {value};\n" for name, value in properties.items())
    return ":root {\n" + lines + "}\n"


def palette_version(properties: dict[str, str]) -> str:
    """Changes with the palette, so the stylesheet's address can be cached for good."""
    return hashlib.sha256(palette_css(properties).encode()).hexdigest()[:12]
