"""The citizen's .ics and the agents' private iCalendar feeds, parsed with icalendar."""

from datetime import datetime
from datetime import timedelta
from mairie.policy.acts.dates import PARIS
from mairie.rdv.bookings import store
from mairie.rdv.feeds.tokens import AGENT
from mairie.rdv.feeds.tokens import COUNTER
from mairie.rdv.feeds.tokens import owner
from mairie.rdv.feeds.tokens import renew
from mairie.rdv.feeds.tokens import token_for
from mairie.rdv.ics import booking_ics
from mairie.rdv.interfaces import IMairieRdvLayer
from official_validators import assert_strict_icalendar
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.protect.authenticator import createToken
from zope.interface import alsoProvides

import icalendar
import requests
import transaction


def book(agenda, start, now=None):
    now = now or PARIS.localize(datetime(2027, 3, 1, 8, 0))
    return store(agenda).book(
        agenda["cni"],
        "guichet-1",
        start,
        1,
        "Martin",
        "Anne",
        "anne@example.fr",
        "0612345678",
        application_ids=("ABCDE12345",),
        by="agent",
        now=now,
    )


def set_address(portal):
    registry = portal.portal_registry
    registry["mairie.commune.address_street"] = "1 place de la Mairie"
    registry["mairie.commune.address_postal_code"] = "45999"
    registry["mairie.commune.address_city"] = "Saint-Test"


def test_booking_ics(agenda):
    set_address(agenda.aq_parent)
    booking = book(agenda, PARIS.localize(datetime(2027, 3, 30, 9, 0)))

    data = booking_ics(agenda, booking)
    assert_strict_icalendar(data)
    calendar = icalendar.Calendar.from_ical(data)
    [event] = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Rendez-vous : Carte d'identité"
    assert str(event["LOCATION"]) == "1 place de la Mairie, 45999 Saint-Test"
    assert event.decoded("DTSTART") == booking.start
    assert event["DTSTART"].params["TZID"] == "Europe/Paris"
    assert event.decoded("DTEND") - event.decoded("DTSTART") == booking.end - booking.start
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Paris"
    assert "@@mon-rendez-vous?jeton=" in str(event["DESCRIPTION"])
    # The UID stays when the booking changes; the sequence grows.
    again = icalendar.Calendar.from_ical(booking_ics(agenda, booking)).walk("VEVENT")[0]
    assert again["UID"] == event["UID"]
    store(agenda).move(
        booking,
        PARIS.localize(datetime(2027, 3, 31, 9, 0)),
        "guichet-1",
        by="agent",
        now=PARIS.localize(datetime(2027, 3, 1, 8, 0)),
    )
    assert_strict_icalendar(booking_ics(agenda, booking))
    moved = icalendar.Calendar.from_ical(booking_ics(agenda, booking)).walk("VEVENT")[0]
    assert moved["UID"] == event["UID"] and moved["SEQUENCE"] > event["SEQUENCE"]


def test_tokens_are_unguessable_and_renewable(agenda):
    first = renew(agenda, COUNTER, "guichet-1")
    assert len(first) >= 40
    assert owner(agenda, first) == (COUNTER, "guichet-1")
    second = renew(agenda, COUNTER, "guichet-1")
    assert second != first
    assert owner(agenda, first) is None
    assert token_for(agenda, COUNTER, "guichet-1") == second
    assert owner(agenda, "") is None and owner(agenda, None) is None


def test_feeds_over_http(http_agenda):
    agenda = http_agenda
    api.user.create(
        email="agent@mairie.example", username="agent1", password="un-mot-de-passe-long-1"
    )
    agenda["guichet-1"].agents = ["agent1"]
    now = datetime.now(PARIS)
    # A booking a few days ahead, on an open weekday.
    day = now.date() + timedelta(days=3)
    while day.weekday() > 4:
        day += timedelta(days=1)
    booking = book(
        agenda, PARIS.localize(datetime.combine(day, datetime.min.time().replace(hour=10))), now=now
    )
    counter_token = renew(agenda, COUNTER, "guichet-1")
    agent_token = renew(agenda, AGENT, "agent1")
    transaction.commit()

    for token in (counter_token, agent_token):
        response = requests.get(f"{agenda.absolute_url()}/@@ical/{token}.ics", timeout=30)
        assert response.status_code == 200
        assert response.headers["Content-Type"].startswith("text/calendar")
        assert_strict_icalendar(response.content)
        calendar = icalendar.Calendar.from_ical(response.content)
        [event] = calendar.walk("VEVENT")
        assert str(event["SUMMARY"]) == "Carte d'identité – Anne Martin"
        assert event.decoded("DTSTART") == booking.start
        assert "anne@example.fr" not in response.text and "0612345678" not in response.text
        assert "ABCDE12345" not in response.text and booking.token not in response.text

    assert (
        requests.get(f"{agenda.absolute_url()}/@@ical/nimportequoi.ics", timeout=30).status_code
        == 404
    )
    assert requests.get(f"{agenda.absolute_url()}/@@ical", timeout=30).status_code == 404


def test_my_calendars_page(agenda):
    request = agenda.REQUEST
    alsoProvides(request, IMairieRdvLayer)
    setRoles(agenda.aq_parent, TEST_USER_ID, ["Reception Agent"])
    page = agenda.restrictedTraverse("@@mes-agendas-ical")
    html = page()
    assert "Mes agendas (iCal)" in html and "Mes rendez-vous" in html
    assert "Créer l'adresse" in html

    request.method = "POST"
    request.form.update({"kind": COUNTER, "id": "guichet-1", "_authenticator": createToken()})
    page()
    token = token_for(agenda, COUNTER, "guichet-1")
    assert token

    request.form.update({"kind": COUNTER, "id": "guichet-inconnu"})
    page()
    assert owner(agenda, token) == (COUNTER, "guichet-1")
    assert token_for(agenda, COUNTER, "guichet-inconnu") is None

    request.method = "GET"
    assert f"@@ical/{token}.ics" in page()
