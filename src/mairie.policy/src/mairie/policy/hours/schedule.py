"""Opening hours as a schedule: what is open on a day, now, and next.

Pure domain logic (no Plone): the values are those of the ``mairie.opening_hours``
behavior, rows of plain dicts. Weekdays are the French ids of the commune profile
("lundi" … "dimanche"), times "HH:MM" strings, days ``datetime.date``. Every
computation happens in Europe/Paris; comparisons are made in UTC so that the
daylight-saving changes do not shift an opening.
"""

from dataclasses import dataclass
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from datetime import UTC
from zoneinfo import ZoneInfo

import re


PARIS = ZoneInfo("Europe/Paris")
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
SCHEMA_ORG_DAYS = tuple(
    f"https://schema.org/{day}"
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
)
LOOK_AHEAD_DAYS = 14
_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")


def parse_time(value: str) -> time | None:
    """A time from "HH:MM" (or "H:MM"), None when it is not one."""
    match = _TIME.match((value or "").strip())
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def french_time(value: time) -> str:
    """French typography for a time of day: « 8 h 30 », « 12 h 00 », with no-break spaces
    (a time is never cut across two lines; Plone's own times are written the same way,
    see mairie.policy.translations)."""
    return f"{value.hour}\u00a0h\u00a0{value.minute:02d}"


@dataclass(frozen=True)
class Status:
    """Open now (until ``until``), or closed (``reason`` if a closure, ``next_opening``)."""

    is_open: bool
    until: datetime | None = None
    next_opening: datetime | None = None
    reason: str | None = None


@dataclass(frozen=True)
class Period:
    """Different hours from ``first_day`` to ``last_day``: (weekday, opens, closes) rows."""

    first_day: date
    last_day: date
    ranges: tuple


class Schedule:
    def __init__(self, opening_hours=(), closures=(), holiday_hours=()):
        self.weekly = _ranges_by_day(opening_hours or ())
        self.closures = sorted(
            (row["first_day"], row["last_day"], row.get("reason") or "") for row in closures or ()
        )
        periods = {}
        for row in holiday_hours or ():
            periods.setdefault((row["first_day"], row["last_day"]), []).append(row)
        self.periods = [
            Period(first, last, tuple(_flat(_ranges_by_day(rows))))
            for (first, last), rows in sorted(periods.items())
        ]

    @classmethod
    def of(cls, obj) -> "Schedule":
        """The schedule of an object providing the ``mairie.opening_hours`` behavior."""
        return cls(
            getattr(obj, "opening_hours", None),
            getattr(obj, "closures", None),
            getattr(obj, "holiday_hours", None),
        )

    def is_empty(self) -> bool:
        return not (self.weekly or self.closures or self.periods)

    def closure_on(self, day: date) -> str | None:
        """The reason of the closure that covers ``day`` ("" if none given), else None."""
        for first, last, reason in self.closures:
            if first <= day <= last:
                return reason
        return None

    def ranges_on(self, day: date) -> list[tuple[time, time]]:
        """The opening ranges of ``day``: none on a closure, a period's hours in its period."""
        if self.closure_on(day) is not None:
            return []
        weekday = WEEKDAYS[day.weekday()]
        periods = [period for period in self.periods if period.first_day <= day <= period.last_day]
        if periods:
            return sorted(
                (opens, closes)
                for period in periods
                for row_day, opens, closes in period.ranges
                if row_day == weekday
            )
        return list(self.weekly.get(weekday, ()))

    def status(self, now: datetime) -> Status:
        """Open now and until when, or closed and the next opening (None if none in 14 days)."""
        now = _utc(now)
        today = now.astimezone(PARIS).date()
        reason = self.closure_on(today)
        moments = self._moments(today)
        for start, end in moments:
            if start <= now < end:
                # Contiguous ranges (12:00-12:00) read as one opening.
                for next_start, next_end in moments:
                    if next_start == end:
                        end = next_end
                return Status(True, until=end.astimezone(PARIS))
        upcoming = next((start for start, _ in moments if start > now), None)
        return Status(
            False,
            next_opening=upcoming and upcoming.astimezone(PARIS),
            reason=reason,
        )

    def week(self) -> list[tuple[str, list[tuple[time, time]]]]:
        """The regular week, Monday first: (weekday, ranges), ranges empty when closed."""
        return [(day, list(self.weekly.get(day, ()))) for day in WEEKDAYS]

    def coming_closures(self, today: date) -> list[tuple[date, date, str]]:
        return [closure for closure in self.closures if closure[1] >= today]

    def coming_periods(self, today: date) -> list[Period]:
        return [period for period in self.periods if period.last_day >= today]

    def opening_hours_specification(self) -> list[dict]:
        """schema.org OpeningHoursSpecification: the week, then the periods, then closures."""
        specs = [_spec(ranges) for ranges in _by_times(_flat(self.weekly))]
        for period in self.periods:
            for ranges in _by_times(period.ranges):
                specs.append(
                    _spec(
                        ranges,
                        validFrom=period.first_day.isoformat(),
                        validThrough=period.last_day.isoformat(),
                    )
                )
        for first, last, _reason in self.closures:
            specs.append(
                {
                    "@type": "OpeningHoursSpecification",
                    "opens": "00:00",
                    "closes": "00:00",
                    "validFrom": first.isoformat(),
                    "validThrough": last.isoformat(),
                }
            )
        return specs

    def _moments(self, today: date):
        """Opening ranges from ``today`` on, as UTC datetimes, for the look-ahead window."""
        return [
            (_at(day, opens), _at(day, closes))
            for offset in range(LOOK_AHEAD_DAYS + 1)
            for day in [today + timedelta(days=offset)]
            for opens, closes in self.ranges_on(day)
        ]


def _ranges_by_day(rows) -> dict[str, list[tuple[time, time]]]:
    ranges = _ranges_by(rows, lambda day: day in WEEKDAYS)
    return {day: ranges[day] for day in WEEKDAYS if day in ranges}


def ranges_by_date(rows) -> dict[date, list[tuple[time, time]]]:
    """Rows of one date each (``day`` a ``datetime.date``, ``opens``, ``closes``): the
    ranges of each date, sorted. An appointment counter's exceptional openings are such rows."""
    return _ranges_by(rows or (), lambda day: isinstance(day, date))


def _ranges_by(rows, is_day) -> dict:
    ranges = {}
    for row in rows:
        opens, closes = parse_time(row.get("opens")), parse_time(row.get("closes"))
        if is_day(row.get("day")) and opens and closes:
            ranges.setdefault(row["day"], []).append((opens, closes))
    return {day: sorted(day_ranges) for day, day_ranges in ranges.items()}


def _flat(by_day: dict):
    return [(day, opens, closes) for day, ranges in by_day.items() for opens, closes in ranges]


def _by_times(ranges) -> list[tuple[str, str, list[str]]]:
    """Weekday rows grouped by identical times: (opens, closes, [weekdays]), in week order."""
    grouped = {}
    for day, opens, closes in sorted(ranges, key=lambda row: (WEEKDAYS.index(row[0]), row[1])):
        grouped.setdefault((opens, closes), []).append(day)
    return [(opens, closes, days) for (opens, closes), days in grouped.items()]


def _spec(grouped, **extra) -> dict:
    opens, closes, days = grouped
    return {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": [SCHEMA_ORG_DAYS[WEEKDAYS.index(day)] for day in days],
        "opens": opens.strftime("%H:%M"),
        "closes": closes.strftime("%H:%M"),
        **extra,
    }


def _at(day: date, moment: time) -> datetime:
    return datetime.combine(day, moment, tzinfo=PARIS).astimezone(UTC)


def _utc(moment: datetime) -> datetime:
    """An aware datetime in UTC; a naive one is read as Paris time."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=PARIS)
    return moment.astimezone(UTC)
