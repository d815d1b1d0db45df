from mairie.themes import _
from mairie.themes.contrast import contrast_error
from z3c.form.interfaces import ITextWidget
from zope import schema
from zope.interface import Interface
from zope.publisher.interfaces.browser import IDefaultBrowserLayer
from zope.schema import ValidationError

import re


# mairie.policy keeps the commune's settings under this prefix; the appearance
# fields below are a subset of them, edited in place by the control panel.
SETTINGS_PREFIX = "mairie.commune"
HEX_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}")


class IMairieThemesLayer(IDefaultBrowserLayer):
    """Marker interface of the mairie.themes browser layer."""


class IColourWidget(ITextWidget):
    """The hex field of a palette colour, with its picker, swatch and contrast."""


class InvalidColour(ValidationError):
    __doc__ = _("error_colour_format", default="A colour is expected as #rrggbb, e.g. #1f4e79.")


class ContrastTooLow(ValidationError):
    """The colour fails WCAG AA under white text; the message gives the ratio."""

    def doc(self):
        return self.args[0]


def readable_colour(value: str) -> bool:
    if not HEX_COLOUR.fullmatch(value or ""):
        raise InvalidColour(value)
    error = contrast_error(value)
    if error is not None:
        raise ContrastTooLow(error)
    return True


def _colour(title, description):
    return schema.TextLine(title=title, description=description, constraint=readable_colour)


class IAppearanceSettings(Interface):
    """What the commune's editors change in « Apparence de la commune »."""

    palette_primary = _colour(
        _("label_palette_primary", default="Primary colour"),
        _(
            "help_palette_primary",
            default="Header, menu, buttons and links, under white text. Format #rrggbb.",
        ),
    )
    palette_secondary = _colour(
        _("label_palette_secondary", default="Secondary colour"),
        _("help_palette_secondary", default="Accents and tiles, under white text. Format #rrggbb."),
    )
    palette_footer_background = _colour(
        _("label_palette_footer_background", default="Footer background"),
        _("help_palette_footer_background", default="Under white text. Format #rrggbb."),
    )
    slogan = schema.TextLine(
        title=_("label_slogan", default="Slogan"),
        description=_("help_slogan", default="Shown under the commune's name in the header."),
        required=False,
        max_length=200,
    )
