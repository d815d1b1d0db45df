"""« Open now » and the next events on the home page, on a frozen clock, across the
change to winter time (Sunday 25 October 2026, 03:00 → 02:00 in Paris)."""

from .pages import fetch
from .pages import french
from .pages import text
from datetime import datetime
from freezegun import freeze_time
from mairie.policy import _
from mairie.policy.provisioning.content import publish
from plone import api

import pytz
import transaction


PARIS = pytz.timezone("Europe/Paris")


def status(base_url):
    element = fetch(base_url).cssselect(".mairie-block--hours .mairie-hours-status")[0]
    return text(element), element.get("class").split()[-1]


def test_open_now_across_the_change_to_winter_time(base_url):
    opens = french(
        _("hours_open_until", default="Open now, until ${time}", mapping={"time": "12 h 00"})
    )
    # Saturday 24 October, summer time: 07:30 UTC is 09:30 in Paris, open since 09:00.
    with freeze_time("2026-10-24 07:30:00", tick=True):
        assert status(base_url) == (opens, "is-open")
    # Monday 26 October, winter time: 07:00 UTC is 08:00 in Paris, before the 08:30 opening
    # (in summer time it would be 09:00, open).
    closed = french(_("hours_closed", default="Closed"))
    next_opening = french(
        _("hours_opens_today", default="opens at ${time}", mapping={"time": "8 h 30"})
    )
    with freeze_time("2026-10-26 07:00:00", tick=True):
        assert status(base_url) == (f"{closed}, {next_opening}", "is-closed")
    with freeze_time("2026-10-26 07:45:00", tick=True):
        assert status(base_url) == (opens, "is-open")


def test_next_events_across_the_change_to_winter_time(base_url, demo_commune):
    with api.env.adopt_roles(["Manager"]):
        event = api.content.create(
            container=demo_commune["agenda"],
            type="Event",
            title="Bourse aux vêtements",
            start=PARIS.localize(datetime(2026, 10, 25, 14, 0)),  # 13:00 UTC
            end=PARIS.localize(datetime(2026, 10, 25, 15, 0)),
            location="Salle des Coteaux",
        )
        publish(event)
    transaction.commit()

    def titles():
        return [text(a) for a in fetch(base_url).cssselect(".mairie-block--agenda h3 a")]

    # 13:30 UTC is 14:30 in Paris, winter time: the sale is under way, still listed
    # (read as summer time, it would have ended at 13:00 UTC).
    with freeze_time("2026-10-25 13:30:00", tick=True):
        assert titles() == ["Bourse aux vêtements", "Marché de Noël", "Conseil municipal"]
        when = fetch(base_url).cssselect(".mairie-block--agenda time")[0]
        assert when.get("datetime") == "2026-10-25T14:00:00+01:00"
    with freeze_time("2026-10-25 14:05:00", tick=True):
        assert titles() == ["Marché de Noël", "Conseil municipal", "Concert de Noël à l'église"]
