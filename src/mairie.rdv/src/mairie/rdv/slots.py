"""Free slots: opening hours, minus closures, minus what is already booked or blocked.

All times are aware datetimes in Europe/Paris (pytz, as the ZODB stores them).
A day's hours are read as Paris wall-clock times, and a slot's end is computed
in absolute time, so a slot keeps its real length across a daylight-saving
change. In each opening range, slots follow each other from the range's start;
where a booking or a blocked period is in the way, the next slot starts when it
ends (no gap is lost). A counter receives ``capacity`` people at once: a slot is
free while fewer bookings than that overlap it.
"""

from datetime import date
from datetime import datetime
from datetime import timedelta
from mairie.policy.acts.dates import now as paris_now
from mairie.policy.acts.dates import PARIS
from mairie.policy.holidays import is_public_holiday
from mairie.policy.hours.schedule import ranges_by_date
from mairie.policy.hours.schedule import Schedule
from mairie.rdv.timetable import parse_periods
from typing import NamedTuple


class Slot(NamedTuple):
    start: datetime
    end: datetime
    counter: str
    free: int


def duration(service, people: int) -> timedelta:
    return service.length(people)


def localize(day: date, moment) -> datetime:
    return PARIS.localize(datetime.combine(day, moment))


def shift(moment: datetime, delta: timedelta) -> datetime:
    """``moment + delta`` in absolute time, shown with the right Paris offset."""
    return PARIS.normalize(moment + delta)


class Hours:
    """A counter's opening hours, read once, asked day by day."""

    def __init__(self, agenda, counter):
        self.counter_id = counter.getId()
        self.capacity = counter.capacity or 1
        self.schedule = Schedule.of(counter)
        self.closed = parse_periods(agenda.closed_days)
        self.extra = ranges_by_date(counter.exceptional_openings)
        self.holidays = not agenda.open_on_public_holidays
        self.alsace_moselle = bool(agenda.alsace_moselle)

    def is_closed(self, day: date) -> bool:
        """Closed for the whole agenda: a public holiday (unless open), a closed day."""
        if self.holidays and is_public_holiday(day, self.alsace_moselle):
            return True
        return any(period.first <= day <= period.last for period in self.closed)

    def ranges(self, day: date) -> list[tuple[datetime, datetime]]:
        """The day's opening ranges (aware), merged: the counter's schedule (its week, its
        closures, its holiday hours) unless the agenda is closed, plus its extra openings."""
        ranges = [] if self.is_closed(day) else self.schedule.ranges_on(day)
        ranges += self.extra.get(day, ())
        merged = []
        for start, end in sorted(ranges):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return [(localize(day, start), localize(day, end)) for start, end in merged]

    def is_open(self, start: datetime, end: datetime) -> bool:
        return any(
            first <= start and end <= last
            for first, last in self.ranges(start.astimezone(PARIS).date())
        )


def overlap(busy, start: datetime, end: datetime) -> int:
    """The most intervals of ``busy`` covering one moment of [start, end)."""
    relevant = [(first, last) for first, last in busy if first < end and last > start]
    moments = [start] + [first for first, _last in relevant if first > start]
    return max(
        (sum(1 for first, last in relevant if first <= moment < last) for moment in moments),
        default=0,
    )


def day_slots(hours: Hours, day: date, length: timedelta, busy, earliest=None) -> list[Slot]:
    slots = []
    for first, last in hours.ranges(day):
        start = first
        while shift(start, length) <= last:
            end = shift(start, length)
            used = overlap(busy, start, end)
            if used < hours.capacity:
                if earliest is None or start >= earliest:
                    slots.append(Slot(start, end, hours.counter_id, hours.capacity - used))
                start = end
            else:
                start = min(stop for begin, stop in busy if begin < end and stop > start)
    return slots


def window(agenda, now=None) -> tuple[datetime, date]:
    """The first bookable moment and the last bookable day for citizens."""
    now = now or paris_now()
    earliest = shift(now, timedelta(hours=agenda.min_notice_hours or 0))
    return earliest, now.astimezone(PARIS).date() + timedelta(days=agenda.days_ahead)


def counters_for(agenda, service, counters=None) -> list:
    """The counters offering ``service`` (among ``counters``, objects or ids, when given)."""
    chosen = agenda.counters()
    if counters is not None:
        wanted = {getattr(item, "getId", lambda item=item: item)() for item in counters}
        chosen = [counter for counter in chosen if counter.getId() in wanted]
    return [counter for counter in chosen if counter.offers(service)]


def free_slots(
    agenda, service, people: int, first: date, last: date, counters=None, now=None, anytime=False
) -> list[Slot]:
    """Free slots of ``service`` for ``people`` from ``first`` to ``last`` (dates, included).

    Citizens only see the booking window (minimum notice, days ahead); agents
    (``anytime=True``) see every future slot.
    """
    from mairie.rdv.bookings import store  # bookings needs this module too

    now = now or paris_now()
    earliest, latest = window(agenda, now)
    if anytime:
        earliest, latest = now, last
    length = duration(service, people)
    ledger = store(agenda)
    slots = []
    for counter in counters_for(agenda, service, counters):
        hours = Hours(agenda, counter)
        day = max(first, earliest.astimezone(PARIS).date())
        while day <= min(last, latest):
            busy = ledger.busy(counter.getId(), day)
            slots += day_slots(hours, day, length, busy, earliest)
            day += timedelta(days=1)
    return sorted(slots)
