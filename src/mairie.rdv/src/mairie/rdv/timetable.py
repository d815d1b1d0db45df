"""Days an agenda is closed, as agents type them, read and checked.

One line per day « 24/12/2027 : reason » or period « 01/08/2027 - 15/08/2027 :
reason ». The reader raises ``Invalid`` with a French message naming the faulty
line, which the edit form shows on the field. (A counter's hours are rows of the
``mairie.opening_hours`` behavior, read by ``mairie.policy.hours.schedule``.)
"""

from datetime import date
from mairie.rdv import _
from typing import NamedTuple
from zope.interface import Invalid

import re


_DATE = r"(\d{1,2})/(\d{1,2})/(\d{4})"
_PERIOD = re.compile(rf"^{_DATE}(?:\s*(?:-|–|au)\s*{_DATE})?\s*(?::\s*(.*))?$")


class Period(NamedTuple):
    first: date
    last: date
    reason: str


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


def parse_periods(text: str | None) -> tuple:
    """Closed days, one period per line, with an optional reason after a colon."""
    periods = []
    for line in (line.strip() for line in (text or "").splitlines()):
        if not line:
            continue
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


def valid_periods(text) -> bool:
    parse_periods(text)
    return True
