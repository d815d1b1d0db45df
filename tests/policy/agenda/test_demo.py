"""The demo commune's agenda: its events, on the home-page block and in the iCal export."""

from datetime import datetime
from freezegun import freeze_time
from mairie.policy.provisioning import site as provisioning
from mairie.policy.provisioning.demo import load
from plone.app.testing import SITE_OWNER_NAME
from plone.testing.zope import login
from zoneinfo import ZoneInfo
from zope.component.hooks import setSite

import icalendar
import lxml.html
import requests
import transaction


def test_demo_events(functional, demo_profile, agency, demo_profile_file):
    app = functional["app"]
    login(app.acl_users, SITE_OWNER_NAME)
    demo = load(demo_profile_file.parent / "demo.yaml")
    site = provisioning.create(app, demo_profile, agency, demo)
    url = site.absolute_url()
    setSite(None)
    transaction.commit()

    with freeze_time(datetime(2026, 11, 26, 12, tzinfo=ZoneInfo("Europe/Paris")), tick=True):
        block = lxml.html.fromstring(requests.get(f"{url}/@@prochains-evenements", timeout=60).text)
        news = lxml.html.fromstring(requests.get(f"{url}/@@dernieres-actualites", timeout=60).text)
    assert [a.text for a in block.cssselect("h3 a")] == [
        "Marché de Noël",
        "Conseil municipal",
        "Concert de Noël à l'église",
    ]
    # Newest first: the demo's video news item (24 November), then the works.
    titles = [a.text for a in news.cssselect("h3 a")]
    assert titles[0].startswith("Séance de cinéma pour les familles")
    assert titles[1].startswith("Travaux de la rue des Écoles")
    calendar = icalendar.Calendar.from_ical(
        requests.get(f"{url}/agenda/ics_view", timeout=60).content
    )
    assert len(calendar.walk("VEVENT")) == len(demo.events)
