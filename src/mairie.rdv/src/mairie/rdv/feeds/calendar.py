"""What a private feed lists: the appointments of a counter, or of an agent's counters,
from a week ago to the booking horizon, with no more than the name and the service."""

from datetime import timedelta
from mairie.policy.acts.dates import now as paris_now
from mairie.rdv.bookings import store
from mairie.rdv.feeds.tokens import AGENT
from mairie.rdv.feeds.tokens import COUNTER
from mairie.rdv.ics import booking_event
from mairie.rdv.ics import calendar

import icalendar


PAST = timedelta(days=7)


def feed_counters(agenda, kind: str, id: str) -> list:
    if kind == COUNTER:
        return [counter for counter in agenda.counters() if counter.getId() == id]
    if kind == AGENT:
        return [counter for counter in agenda.counters() if id in (counter.agents or ())]
    return []


def feed(agenda, kind: str, id: str, name: str, now=None) -> icalendar.Calendar:
    now = now or paris_now()
    first, last = now - PAST, now + timedelta(days=(agenda.days_ahead or 0) + 1)
    events = []
    for counter in feed_counters(agenda, kind, id):
        for booking in store(agenda).between(first, last, counter=counter.getId()):
            summary = f"{booking.service_title} – {booking.name}"
            events.append(booking_event(agenda, booking, summary, counter.Title()))
    return calendar(events, name)
