"""iCalendar (RFC 5545) for bookings: the citizen's .ics and the agents' feeds.

Times are written with TZID Europe/Paris and its VTIMEZONE, so a client in
another timezone still shows the right hour across daylight-saving changes.
"""

from datetime import datetime
from datetime import UTC
from mairie.rdv import _
from mairie.rdv.bookings import management_url
from plone import api
from plone.uuid.interfaces import IUUID
from zoneinfo import ZoneInfo
from zope.i18n import translate

import icalendar


PARIS = ZoneInfo("Europe/Paris")
PRODID = "-//mairie//mairie.rdv//FR"


def booking_ics(agenda, booking) -> bytes:
    """One VEVENT for the citizen: « Rendez-vous : <service> » at the mairie."""
    summary = translate(
        _(
            "ics_summary",
            default="Appointment: ${service}",
            mapping={"service": booking.service_title},
        ),
        target_language="fr",
    )
    description = translate(
        _(
            "ics_description",
            default="To cancel or move this appointment: ${url}",
            mapping={"url": management_url(agenda, booking)},
        ),
        target_language="fr",
    )
    event = booking_event(agenda, booking, summary, mairie_address())
    event.add("description", description)
    return calendar([event]).to_ical()


def booking_event(agenda, booking, summary: str, location: str) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", booking_uid(agenda, booking))
    event.add("dtstamp", datetime.now(UTC))
    event.add("dtstart", booking.start.astimezone(PARIS))
    event.add("dtend", booking.end.astimezone(PARIS))
    event.add("summary", summary)
    if location:
        event.add("location", location)
    # Each change (move, cancel) is one more entry of the history: clients
    # replace their copy when the sequence grows.
    event.add("sequence", max(len(booking.history) - 1, 0))
    event.add("status", "CANCELLED" if booking.status == "cancelled" else "CONFIRMED")
    return event


def booking_uid(agenda, booking) -> str:
    return f"{booking.id}-{IUUID(agenda)}@mairie.rdv"


def calendar(events, name: str = "") -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name:
        cal.add("x-wr-calname", name)
        cal.add("x-wr-timezone", "Europe/Paris")
    for event in events:
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal


def mairie_address() -> str:
    """The mairie's postal address from the commune's settings, on one line."""

    def record(name):
        return api.portal.get_registry_record(f"mairie.commune.{name}", default="") or ""

    town = " ".join(
        part for part in (record("address_postal_code"), record("address_city")) if part
    )
    return ", ".join(part for part in (record("address_street"), town) if part)
