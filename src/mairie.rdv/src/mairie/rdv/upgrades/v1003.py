"""Profile 1003: a counter's hours are rows, the same model as every place's hours.

Up to profile 1002 a counter stored them as text: seven fields ``monday`` …
``sunday`` (« 08:30-12:00, 13:30-17:00 », « 8h30-12h » accepted), its extra
openings (« 05/06/2027 : 09:00-12:00 », one date a line) and its closed days
(« 24/12/2027 : reason » or « 01/08/2027 - 15/08/2027 : reason »). Each counter
gets the ``mairie.opening_hours`` behavior and its text becomes rows: the week
(``opening_hours``), the closed days (``closures``), the extra openings
(``exceptional_openings``), checked by the same fields as the edit form.

A counter converts completely or not at all: when part of its text cannot be
read, nothing is written, its old values stay on it (``__dict__``) and the log
gives them, for an agent to type them again. Converted counters lose the old
attributes, so running the step again changes nothing.
"""

from datetime import time
from mairie.policy.hours.behaviors import IOpeningHours
from mairie.policy.hours.schedule import WEEKDAYS
from mairie.rdv import logger
from mairie.rdv.content.counter import ICounter
from mairie.rdv.timetable import parse_periods
from plone import api
from zope.interface import Invalid

import re


BEHAVIOR = "mairie.opening_hours"
# The previous fields, by the French weekday they become, and their defaults (a
# counter created without a day read the default).
FORMER_DAYS = dict(
    zip(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
        WEEKDAYS,
        strict=True,
    )
)
FORMER_DEFAULTS = {
    "monday": "08:30-12:00, 13:30-17:00",
    "tuesday": "08:30-12:00, 13:30-17:00",
    "wednesday": "08:30-12:00",
    "thursday": "08:30-12:00, 13:30-17:00",
    "friday": "08:30-12:00, 13:30-16:30",
}
FORMER_FIELDS = (*FORMER_DAYS, "extra_openings", "closed_days")
NEW_FIELDS = (
    IOpeningHours["opening_hours"],
    IOpeningHours["closures"],
    ICounter["exceptional_openings"],
)

# The previous reader's syntax of a range: « 08:30-12:00 », « 8h30 - 12h », « 9h à 12h ».
_TIME = r"(\d{1,2})\s*[h:]\s*(\d{2})?"
_RANGE = re.compile(rf"^{_TIME}\s*(?:-|–|à)\s*{_TIME}$")


class Unreadable(ValueError):
    """A part of a counter's former text that the previous code would not have accepted."""


def _time(hours: str, minutes: str | None) -> str:
    hour, minute = int(hours), int(minutes or 0)
    if (hour, minute) == (24, 0):
        return "23:59"  # as the previous reader took it
    if hour > 23 or minute > 59:
        raise Unreadable(f"{hours}:{minutes}")
    return time(hour, minute).strftime("%H:%M")


def _rows(text: str | None, day) -> list[dict]:
    """« 08:30-12:00, 14:00-17:00 » → rows of ``day``."""
    rows = []
    for part in (part.strip() for part in (text or "").split(",")):
        if not part:
            continue
        match = _RANGE.match(part)
        if not match:
            raise Unreadable(part)
        opens, closes = _time(*match.group(1, 2)), _time(*match.group(3, 4))
        rows.append({"day": day, "opens": opens, "closes": closes})
    return rows


def converted(state: dict) -> dict:
    """The new fields' values from a counter's former attributes; raises when unreadable."""
    week = [
        row
        for former, day in FORMER_DAYS.items()
        for row in _rows(state.get(former, FORMER_DEFAULTS.get(former, "")), day)
    ]
    closures = [
        {"first_day": period.first, "last_day": period.last, "reason": period.reason or None}
        for period in parse_periods(state.get("closed_days"))
    ]
    openings = []
    for period in parse_periods(state.get("extra_openings")):
        if period.first != period.last or not period.reason:
            raise Unreadable(f"{period.first} - {period.last} : {period.reason}")
        openings += _rows(period.reason, period.first)
    values = {"opening_hours": week, "closures": closures, "exceptional_openings": openings}
    for field in NEW_FIELDS:
        field.validate(values[field.__name__])
    return values


def convert(counter) -> bool:
    """The counter's former text as rows, all or nothing; True when converted."""
    counter._p_activate()  # a ghost's __dict__ is empty until it is loaded
    state = counter.__dict__
    former = {name: state[name] for name in FORMER_FIELDS if name in state}
    if not former:
        return False
    try:
        values = converted(state)
    except (Unreadable, Invalid) as error:  # Invalid: also the fields' ValidationError
        # An error, so that ``mairie upgrade`` shows it without --verbose: an agent must
        # type these hours again.
        logger.error(
            "Guichet %s : horaires illisibles (%r), laissés tels quels, à ressaisir : %r",
            "/".join(counter.getPhysicalPath()),
            error,
            former,
        )
        return False
    for name, value in values.items():
        setattr(counter, name, value)
    for name in former:
        delattr(counter, name)
    return True


def counters_hours_as_rows(context):
    """The behavior on the counter type, then each counter's hours as rows."""
    fti = api.portal.get_tool("portal_types")["mairie.Counter"]
    if BEHAVIOR not in fti.behaviors:
        fti.behaviors = (*fti.behaviors, BEHAVIOR)
    catalog = api.portal.get_tool("portal_catalog")
    done = sum(
        convert(brain._unrestrictedGetObject())
        for brain in catalog.unrestrictedSearchResults(portal_type="mairie.Counter")
    )
    logger.info("%d guichet(s) aux horaires convertis en lignes.", done)
