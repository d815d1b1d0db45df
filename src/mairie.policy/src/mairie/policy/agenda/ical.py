"""The agenda's iCalendar feed (``ics_view``), named for the calendar applications.

plone.app.event's export has no ``X-WR-CALNAME``, so a subscribed agenda shows up
as an address; and its ``X-WR-TIMEZONE`` follows the logged-in member's timezone.
"""

from mairie.policy.acts.dates import PARIS
from plone import api
from plone.app.event.ical.exporter import EventsICal
from plone.event.interfaces import IICalendar


class AgendaICal(EventsICal):
    def get_ical_string(self):
        calendar = IICalendar(self.context)
        site = api.portal.get()
        name = site.Title()
        if self.context != site:
            name = f"{self.context.Title()} – {name}"
        for key in ("X-WR-CALNAME", "X-WR-TIMEZONE"):
            calendar.pop(key, None)
        calendar.add("X-WR-CALNAME", name)
        calendar.add("X-WR-TIMEZONE", PARIS.zone)
        return calendar.to_ical()
