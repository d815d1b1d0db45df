"""The rules of opening hours, checked by the behavior's fields.

Each check raises ``zope.interface.Invalid`` with a message for people; the
fields call them as constraints, so the edit forms, plone.restapi and code that
validates the schema all refuse the same rows with the same message, before
anything is saved.
"""

from .schedule import parse_time
from datetime import date
from mairie.policy import _
from zope.interface import Invalid
from zope.schema.interfaces import ValidationError


class NotATime(ValidationError):
    """Not a time as HH:MM.

    A ``ValidationError``, not a bare ``Invalid``: in a table's cell the data grid
    (z3c.form's object widget) shows only those under the cell, anything else is a 500."""

    def doc(self):
        return self.args[0]


def check_time(value: str) -> bool:
    if parse_time(value) is None:
        raise NotATime(
            _(
                "error_hours_time",
                default="Enter a time as HH:MM, for example 08:30 (received “${value}”).",
                mapping={"value": value},
            )
        )
    return True


def check_weekly(rows) -> bool:
    """Each range closes after it opens; the ranges of one day do not overlap.

    The day is a weekday (the week's rows) or a date (a counter's exceptional openings)."""
    _check_ranges(rows, key=lambda row: row["day"])
    return True


def check_closures(rows) -> bool:
    for row in rows:
        _check_period(row)
    return True


def check_holiday_hours(rows) -> bool:
    for row in rows:
        _check_period(row)
    _check_ranges(rows, key=lambda row: (row["first_day"], row["last_day"], row["day"]))
    return True


def _check_period(row):
    if row["first_day"] and row["last_day"] and row["last_day"] < row["first_day"]:
        raise Invalid(
            _(
                "error_hours_period",
                default="The last day (${last}) is before the first day (${first}).",
                mapping={
                    "first": row["first_day"].strftime("%d/%m/%Y"),
                    "last": row["last_day"].strftime("%d/%m/%Y"),
                },
            )
        )


def _check_ranges(rows, key):
    ranges = {}
    for row in rows:
        opens, closes = parse_time(row["opens"]), parse_time(row["closes"])
        if opens is None or closes is None:
            continue  # the time fields report it
        if closes <= opens:
            raise Invalid(
                _(
                    "error_hours_closes_before_opens",
                    default="${day}: the closing time ${closes} must come after the opening time ${opens}.",
                    mapping={"day": _day(row), "opens": row["opens"], "closes": row["closes"]},
                )
            )
        ranges.setdefault(key(row), []).append((opens, closes, row))
    for day_ranges in ranges.values():
        day_ranges.sort(key=lambda item: item[:2])
        for before, after in zip(day_ranges, day_ranges[1:], strict=False):
            if after[0] < before[1]:
                raise Invalid(
                    _(
                        "error_hours_overlap",
                        default="${day}: the ranges ${first} and ${second} overlap.",
                        mapping={
                            "day": _day(before[2]),
                            "first": f"{before[2]['opens']}-{before[2]['closes']}",
                            "second": f"{after[2]['opens']}-{after[2]['closes']}",
                        },
                    )
                )


def _day(row) -> str:
    """A row's day for people: the weekday (« lundi »), or a date as 05/06/2027."""
    day = row["day"]
    return day.strftime("%d/%m/%Y") if isinstance(day, date) else day
