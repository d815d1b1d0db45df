"""The accessibility state in words, for the footer mention and the declaration."""

from mairie.policy import _
from zope.i18n.locales import locales


STATES = {
    "non": _("accessibility_state_non", default="not compliant"),
    "partiellement": _("accessibility_state_partiellement", default="partially compliant"),
    "totalement": _("accessibility_state_totalement", default="fully compliant"),
}


def state_label(state: str | None):
    """The state's words; a site without a declared state is "non conforme"."""
    return STATES.get(state or "non", STATES["non"])


def mention(state: str | None):
    """The mention every page carries: "Accessibilité : partiellement conforme"."""
    return _("accessibility_mention", default="Accessibility: ${state}", mapping={"state": state})


def percent(rate: float, language: str) -> str:
    """74.5 as "74,5 %" in French, 74.0 as "74 %" (locale decimal mark, non-breaking space)."""
    formatter = locales.getLocale(language).numbers.getFormatter("decimal")
    number = formatter.format(int(rate) if float(rate).is_integer() else rate)
    return f"{number}\u00a0%"
