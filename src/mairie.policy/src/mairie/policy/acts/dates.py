"""Dates as French readers expect them (« 26 novembre 2026 à 14 h 03 »)."""

from datetime import datetime
from plone import api
from plone.api.exc import CannotGetPortalError
from zope.i18n import translate

import pytz


# pytz rather than zoneinfo: these datetimes are stored in the ZODB, whose
# pickle protocol cannot store a ZoneInfo (Plone itself uses pytz).
PARIS = pytz.timezone("Europe/Paris")

_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def site_language():
    """The site's language (texts stored or sent outside a request)."""
    try:
        return api.portal.get_default_language() or "fr"
    except CannotGetPortalError:
        return "fr"


def now():
    """The current time in Paris, timezone-aware."""
    return datetime.now(pytz.utc).astimezone(PARIS)


def long_date(value, request=None, target_language=None):
    """« 26 novembre 2026 », month names from Plone's plonelocales catalogue."""
    if value is None:
        return ""
    month = translate(
        f"month_{_MONTHS[value.month - 1]}",
        domain="plonelocales",
        context=request,
        target_language=target_language,
    )
    day = "1er" if value.day == 1 and _is_french(request, target_language) else str(value.day)
    return f"{day} {month.lower()} {value.year}"


def full_date(value, request=None, target_language=None):
    """« samedi 12 décembre 2026 », « mardi 1er décembre 2026 »."""
    weekday = translate(
        f"weekday_{_WEEKDAYS[value.weekday()]}",
        domain="plonelocales",
        context=request,
        target_language=target_language,
    )
    return f"{weekday.lower()} {long_date(value, request, target_language)}"


def paris_time(value):
    """A timezone-aware datetime in Paris time (naive values are taken as Paris time)."""
    if value.tzinfo is None:
        return PARIS.localize(value)
    return value.astimezone(PARIS)


def _is_french(request, target_language):
    language = target_language
    if language is None and request is not None:
        language = getattr(request, "get", lambda *a: None)("LANGUAGE")
    return (language or "fr").startswith("fr")
