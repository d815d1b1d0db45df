"""Opening hours as agents type them, read and checked.

A weekday's hours are ranges separated by commas (« 08:30-12:00, 14:00-17:00 »;
« 8h30-12h » is accepted too). A closed period is one line « 24/12/2027 :
reason » or « 01/08/2027 - 15/08/2027 : reason »; an extra opening is one line
« 05/06/2027 : 09:00-12:00 ». Each reader raises ``Invalid`` with a French
message naming the faulty part, which the edit form shows on the field.
"""

from datetime import date
from datetime import time
from mairie.rdv import _
from typing import NamedTuple
from zope.interface import Invalid

import re


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_TIME = r"(\d{1,2})\s*[h:]\s*(\d{2})?"
_RANGE = re.compile(rf"^{_TIME}\s*(?:-|–|à)\s*{_TIME}$")
_DATE = r"(\d{1,2})/(\d{1,2})/(\d{4})"
_PERIOD = re.compile(rf"^{_DATE}(?:\s*(?:-|–|au)\s*{_DATE})?\s*(?::\s*(.*))?$")


class Period(NamedTuple):
    first: date
    last: date
    reason: str


class Opening(NamedTuple):
    day: date
    ranges: tuple


def _time(hours: str, minutes: str | None) -> time | None:
    hour, minute = int(hours), int(minutes or 0)
    if hour == 24 and minute == 0:
        return time(23, 59)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def parse_ranges(text: str | None) -> tuple:
    """« 08:30-12:00, 14:00-17:00 » → ((08:30, 12:00), (14:00, 17:00)), sorted, not overlapping."""
    ranges = []
    for part in (text or "").split(","):
        part = part.strip()
        if not part:
            continue
        match = _RANGE.match(part)
        start = match and _time(match.group(1), match.group(2))
        end = match and _time(match.group(3), match.group(4))
        if not start or not end or end <= start:
            raise Invalid(
                _(
                    "error_rdv_bad_range",
                    default="“${range}” is not a time range: write for example "
                    "08:30-12:00, 14:00-17:00.",
                    mapping={"range": part},
                )
            )
        ranges.append((start, end))
    ranges.sort()
    for (_start, end), (next_start, _end) in zip(ranges, ranges[1:], strict=False):
        if next_start < end:
            raise Invalid(
                _(
                    "error_rdv_overlapping_ranges",
                    default="Two time ranges overlap: ${text}.",
                    mapping={"text": text},
                )
            )
    return tuple(ranges)


def _date(day: str, month: str, year: str, line: str) -> date:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise Invalid(_bad_line(line)) from None


def _bad_line(line: str):
    return _(
        "error_rdv_bad_date_line",
        default="“${line}” is not understood: write a date as 24/12/2027 or a period as "
        "01/08/2027 - 15/08/2027, then a colon and the rest.",
        mapping={"line": line},
    )


def _lines(text: str | None):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def parse_periods(text: str | None) -> tuple:
    """Closed days, one period per line, with an optional reason after a colon."""
    periods = []
    for line in _lines(text):
        match = _PERIOD.match(line)
        if not match:
            raise Invalid(_bad_line(line))
        first = _date(*match.group(1, 2, 3), line)
        last = _date(*match.group(4, 5, 6), line) if match.group(4) else first
        if last < first:
            raise Invalid(
                _(
                    "error_rdv_period_reversed",
                    default="“${line}”: the period ends before it starts.",
                    mapping={"line": line},
                )
            )
        periods.append(Period(first, last, (match.group(7) or "").strip()))
    return tuple(periods)


def parse_openings(text: str | None) -> tuple:
    """Extra openings, one day per line: « 05/06/2027 : 09:00-12:00, 14:00-16:00 »."""
    openings = []
    for line in _lines(text):
        match = _PERIOD.match(line)
        if not match or match.group(4) or not (match.group(7) or "").strip():
            raise Invalid(
                _(
                    "error_rdv_bad_opening_line",
                    default="“${line}” is not understood: write a date, a colon and the "
                    "hours, for example 05/06/2027 : 09:00-12:00.",
                    mapping={"line": line},
                )
            )
        openings.append(Opening(_date(*match.group(1, 2, 3), line), parse_ranges(match.group(7))))
    return tuple(openings)


def valid_ranges(text) -> bool:
    parse_ranges(text)
    return True


def valid_periods(text) -> bool:
    parse_periods(text)
    return True


def valid_openings(text) -> bool:
    parse_openings(text)
    return True
