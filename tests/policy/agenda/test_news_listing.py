"""« Actualités » as provisioning makes it: newest first, each with its French date;
the agenda by event date."""

from datetime import datetime
from mairie.policy.provisioning import site as provisioning
from mairie.policy.provisioning.content import publish
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.testing.zope import login
from zoneinfo import ZoneInfo
from zope.component.hooks import setSite

import lxml.html
import pytest
import pytz
import requests
import transaction


PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def commune_with_news(functional, demo_profile, agency):
    """The demo profile's commune with three news items and three events, served: its address."""
    app = functional["app"]
    login(app.acl_users, SITE_OWNER_NAME)
    site = provisioning.create(app, demo_profile, agency)
    setSite(site)
    news = site["actualites"]
    # Added in folder order oldest first, as an editor writes them over the months.
    for day, title in ((1, "Marché de Noël"), (5, "Cérémonie du 11 Novembre"), (20, "Travaux")):
        item = api.content.create(container=news, type="News Item", title=title)
        item.setEffectiveDate(datetime(2026, 1, day, 12, tzinfo=PARIS).isoformat())
        item.reindexObject()
        publish(item)
    agenda = site["agenda"]
    for month, day, title in (
        (6, 21, "Fête de la musique"),
        (1, 3, "Vœux du maire"),
        (1, 15, "Loto"),
    ):
        event = api.content.create(
            container=agenda,
            type="Event",
            title=title,
            start=pytz.timezone("Europe/Paris").localize(datetime(2099, month, day, 19)),
            end=pytz.timezone("Europe/Paris").localize(datetime(2099, month, day, 21)),
        )
        publish(event)
    transaction.commit()
    setSite(None)
    return f"http://{functional['host']}:{functional['port']}/{site.getId()}"


def _page(url):
    response = requests.get(url, timeout=60)
    assert response.status_code == 200
    return lxml.html.fromstring(response.text)


def test_news_newest_first_with_their_dates(commune_with_news):
    items = _page(f"{commune_with_news}/actualites").cssselect(".mairie-news-listing > li")
    titles = [item.cssselect("h2 a")[0].text for item in items]
    dates = [item.cssselect("time")[0] for item in items]
    # The demo's news of November 2026, then ours of January, each newest first.
    assert titles[-3:] == ["Travaux", "Cérémonie du 11 Novembre", "Marché de Noël"]
    assert [date.text for date in dates[-3:]] == [
        "20 janvier 2026",
        "5 janvier 2026",
        "1er janvier 2026",
    ]
    assert dates[-3].get("datetime").startswith("2026-01-20")
    iso = [date.get("datetime") for date in dates]
    assert iso == sorted(iso, reverse=True)


def test_agenda_by_event_date(commune_with_news):
    text = _page(f"{commune_with_news}/agenda").cssselect("#content")[0].text_content()
    positions = [text.find(title) for title in ("Vœux du maire", "Loto", "Fête de la musique")]
    assert -1 not in positions
    assert positions == sorted(positions)
