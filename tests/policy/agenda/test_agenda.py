"""News and agenda: French date settings, home-page blocks and the iCal export, as visitors see them."""

from .events import PARIS
from datetime import datetime
from freezegun import freeze_time
from mairie.policy import _
from mairie.policy.provisioning.content import publish
from official_validators import assert_strict_icalendar
from pathlib import Path
from plone import api
from plone.namedfile.file import NamedBlobImage
from zoneinfo import ZoneInfo
from zope.i18n import translate

import icalendar
import lxml.html
import pytest
import requests
import transaction


NOW = datetime(2026, 11, 26, 12, tzinfo=ZoneInfo("Europe/Paris"))
IMAGE = Path(__file__).parents[3] / "examples/saint-aubin-sur-loire/images/bulletin-41.jpg"


def french(message) -> str:
    """A message as the French site shows it (the English default until translated)."""
    return translate(message, target_language="fr")


def get(site, path):
    response = requests.get(f"{site.absolute_url()}/{path}", timeout=60)
    assert response.status_code == 200, path
    return response


def test_french_date_settings(integration):
    assert api.portal.get_registry_record("plone.first_weekday") == 0  # Monday
    assert api.portal.get_registry_record("plone.portal_timezone") == "Europe/Paris"
    assert api.portal.get_registry_record("plone.available_timezones") == ["Europe/Paris"]


def test_next_events_in_paris_time_across_daylight_saving(site, add_event):
    add_event("Loto d'hier", datetime(2026, 11, 25, 20), datetime(2026, 11, 25, 23))
    add_event("Fête de la musique", datetime(2027, 6, 21, 19), datetime(2027, 6, 21, 23, 30))
    add_event("Vœux du maire", datetime(2027, 1, 9, 19), datetime(2027, 1, 9, 21))
    add_event("Marché de Noël", datetime(2026, 12, 12, 14), datetime(2026, 12, 13, 19))
    add_event("Réunion secrète", datetime(2026, 12, 1, 19), datetime(2026, 12, 1, 20), private=True)
    with freeze_time(NOW, tick=True):
        page = lxml.html.fromstring(get(site, "@@prochains-evenements?n=5").text)
    items = page.cssselect("li")
    assert [item.cssselect("h3 a")[0].text for item in items] == [
        "Marché de Noël",
        "Vœux du maire",
        "Fête de la musique",
    ]
    times = [item.cssselect("time")[0] for item in items]
    # 19:00 in Paris, in winter (UTC+1) as in summer (UTC+2).
    assert times[1].get("datetime") == "2027-01-09T19:00:00+01:00"
    assert times[2].get("datetime") == "2027-06-21T19:00:00+02:00"
    hour = french(
        _("time_hour_minute", default="${hour}:${minute}", mapping={"hour": "19", "minute": "00"})
    )
    start = french(
        _("time_hour_minute", default="${hour}:${minute}", mapping={"hour": "14", "minute": "00"})
    )
    assert hour in times[1].text and hour in times[2].text
    assert "9 janvier 2027" in times[1].text and "21 juin 2027" in times[2].text
    # Over two days: both dates and both times.
    assert "12 décembre 2026" in times[0].text and "13 décembre 2026" in times[0].text
    assert start in times[0].text
    assert "Salle des Coteaux" in items[0].text_content()
    (listing,) = page.cssselect("p > a")
    assert listing.get("href") == f"{site.absolute_url()}/agenda"


def test_no_upcoming_event(site, add_event):
    add_event("Loto d'hier", datetime(2026, 11, 25, 20), datetime(2026, 11, 25, 23))
    with freeze_time(NOW, tick=True):
        page = get(site, "@@prochains-evenements").text
    message = french(_("events_empty", default="No upcoming event."))
    assert message in page
    assert "<li" not in page


def test_latest_news(site):
    with api.env.adopt_roles(["Manager"]):
        news = site["actualites"]
        for day, title in (
            (5, "Cérémonie du 11 Novembre"),
            (20, "Travaux rue des Écoles"),
            (12, "Repas des aînés"),
        ):
            item = api.content.create(
                container=news, type="News Item", title=title, description=f"À propos : {title}"
            )
            item.setEffectiveDate(
                datetime(2026, 11, day, 12, tzinfo=ZoneInfo("Europe/Paris")).isoformat()
            )
            publish(item)
        news["travaux-rue-des-ecoles"].image = NamedBlobImage(
            data=IMAGE.read_bytes(), filename=IMAGE.name
        )
        news["travaux-rue-des-ecoles"].reindexObject()
        api.content.create(container=news, type="News Item", title="Brouillon")
    transaction.commit()
    page = lxml.html.fromstring(get(site, "@@dernieres-actualites?n=2").text)
    items = page.cssselect("li")
    assert [item.cssselect("h3 a")[0].text for item in items] == [
        "Travaux rue des Écoles",
        "Repas des aînés",
    ]
    assert items[0].cssselect("time")[0].text == "20 novembre 2026"
    assert items[0].cssselect("img")[0].get("src").endswith("/@@images/image/thumb")
    assert items[0].cssselect("img")[0].get("alt") == ""
    assert not items[1].cssselect("img")
    assert "À propos : Repas des aînés" in items[1].text_content()
    (listing,) = page.cssselect("p > a")
    assert listing.get("href") == f"{site.absolute_url()}/actualites"


def test_agenda_offers_its_ical_subscription(site, add_event):
    add_event("Vœux du maire", datetime(2027, 1, 9, 19), datetime(2027, 1, 9, 21))
    add_event("Fête de la musique", datetime(2027, 6, 21, 19), datetime(2027, 6, 21, 23, 30))
    add_event("Réunion secrète", datetime(2026, 12, 1, 19), datetime(2026, 12, 1, 20), private=True)
    page = lxml.html.fromstring(get(site, "agenda").text)
    (link,) = page.cssselect(".mairie-agenda-ical a")
    assert link.text_content().strip() == french(
        _("agenda_subscribe_ical", default="Subscribe to the agenda (iCal)")
    )
    assert link.get("href") == f"{site.absolute_url()}/agenda/ics_view"
    assert not lxml.html.fromstring(get(site, "actualites").text).cssselect(".mairie-agenda-ical")

    response = get(site, "agenda/ics_view")
    assert response.headers["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    starts = {str(event["SUMMARY"]): event.decoded("DTSTART") for event in calendar.walk("VEVENT")}
    assert set(starts) == {"Vœux du maire", "Fête de la musique"}
    assert starts["Vœux du maire"] == PARIS.localize(datetime(2027, 1, 9, 19))
    assert starts["Fête de la musique"] == PARIS.localize(datetime(2027, 6, 21, 19))
    assert starts["Vœux du maire"].utcoffset().total_seconds() == 3600
    assert starts["Fête de la musique"].utcoffset().total_seconds() == 7200
    assert calendar.walk("VEVENT")[0]["DTSTART"].params["TZID"] == "Europe/Paris"
    # Named for the calendar applications, in Paris time (issue 20).
    assert calendar["X-WR-CALNAME"] == f"Agenda – {site.Title()}"
    assert calendar["X-WR-TIMEZONE"] == "Europe/Paris"
    assert_strict_icalendar(response.content)


def test_every_ical_export_passes_a_strict_parser(site, add_event):
    """The site's, the agenda's and each event's .ics, a whole-day one included."""
    event = add_event("Vœux du maire", datetime(2027, 1, 9, 19), datetime(2027, 1, 9, 21))
    add_event("Brocante", datetime(2027, 5, 1), datetime(2027, 5, 1, 23, 59), whole_day=True)
    for path in ("ics_view", "agenda/ics_view", f"agenda/{event.getId()}/ics_view"):
        assert_strict_icalendar(get(site, path).content)
    site_calendar = icalendar.Calendar.from_ical(get(site, "ics_view").content)
    assert site_calendar["X-WR-CALNAME"] == site.Title()


def test_the_strict_parser_refuses_what_rfc_5545_forbids():
    """The validator itself: each of these fails it."""
    good = (
        "BEGIN:VCALENDAR\r\nPRODID:-//test//FR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n"
        "UID:1@test\r\nDTSTAMP:20270101T100000Z\r\nDTSTART:20270109T180000Z\r\n"
        "SUMMARY:Vœux\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    assert_strict_icalendar(good.encode())
    for bad in (
        good.replace("UID:1@test\r\n", ""),
        good.replace("DTSTART:20270109T180000Z", "DTSTART:2027-01-09"),
        good.replace("\r\n", "\n"),
        good.replace("SUMMARY:Vœux", "SUMMARY:" + "x" * 80),
        good.replace("DTSTART:20270109T180000Z", "DTSTART;TZID=Europe/Paris:20270109T190000"),
        good.replace("VERSION:2.0\r\n", "VERSION:2.0\r\nVERSION:2.0\r\n"),
    ):
        with pytest.raises(AssertionError):
            assert_strict_icalendar(bad.encode())
