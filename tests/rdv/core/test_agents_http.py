"""The agents' pages over HTTP: day and week tables, came/missed, cancel with a message, block."""

from .http import authenticator
from .http import text
from browser import axe_violations
from browser import choose_cookies
from browser import logged_in
from datetime import datetime
from datetime import timedelta
from mairie.policy import counters
from mairie.policy.acts.dates import now
from mairie.policy.acts.dates import PARIS
from mairie.rdv.bookings import store
from mairie.rdv.slots import free_slots
from plone import api

import pytest
import requests
import transaction


AGENT = ("agent", "un-mot-de-passe-solide")


@pytest.fixture
def booking(site, http_agenda):
    api.user.create(
        email="agent@example.fr",
        username=AGENT[0],
        password=AGENT[1],
        roles=("Member", "Reception Agent"),
    )
    agenda = http_agenda
    today = now().date()
    slot = free_slots(agenda, agenda["etat-civil"], 1, today, today + timedelta(days=30))[0]
    booking = store(agenda).book(
        agenda["etat-civil"],
        "",
        slot.start,
        1,
        "Martin",
        "Jeanne",
        "jeanne@example.fr",
        "0612345678",
    )
    transaction.commit()
    return booking


def agents_page(agenda, day, **params):
    return requests.get(
        f"{agenda.absolute_url()}/@@rendez-vous-agents",
        params={"jour": day.isoformat(), **params},
        auth=AGENT,
        timeout=60,
    )


def test_anonymous_cannot_see_the_bookings(booking, http_agenda):
    response = requests.get(f"{http_agenda.absolute_url()}/@@rendez-vous-agents", timeout=60)
    assert "Martin" not in response.text
    assert response.status_code in (401, 403) or "login" in response.url


def test_day_and_week_tables(booking, http_agenda):
    day = booking.start.date()
    page = agents_page(http_agenda, day)
    assert page.status_code == 200
    assert "<caption>guichet-1 — " in page.text
    assert '<th scope="col">Heure</th>' in page.text and '<th scope="row">' in page.text
    assert "Jeanne Martin" in page.text
    week = agents_page(http_agenda, day, vue="semaine").text
    assert "Jeanne Martin" in week and text(week).count("guichet-1") >= 7


def test_mark_and_block(booking, http_agenda):
    agenda, day = http_agenda, booking.start.date()
    page = agents_page(agenda, day).text
    token = authenticator(page)
    url = f"{agenda.absolute_url()}/@@rendez-vous-agents?jour={day.isoformat()}"
    response = requests.post(
        url,
        data={"_authenticator": token, "id": booking.id, "action": "present"},
        auth=AGENT,
        timeout=60,
    )
    assert "Honoré" in text(response.text)

    block = {
        "_authenticator": token,
        "action": "bloquer",
        "guichet": "guichet-1",
        "bloc_jour": day.isoformat(),
        "bloc_debut": "16:00",
        "bloc_fin": "17:00",
        "motif_blocage": "Réunion de service",
    }
    response = requests.post(url, data=block, auth=AGENT, timeout=60)
    assert "Réunion de service" in text(response.text)
    bad = requests.post(url, data={**block, "bloc_fin": "15:00"}, auth=AGENT, timeout=60)
    assert "doit se terminer après son début" in text(bad.text)
    transaction.begin()
    start = PARIS.localize(datetime.combine(day, datetime.min.time().replace(hour=16)))
    assert store(agenda).blocks("guichet-1", day) == [
        (start, start + timedelta(hours=1), "", "Réunion de service")
    ]


def test_cancel_with_a_message(booking, http_agenda, smtp):
    agenda = http_agenda
    cancel = f"{agenda.absolute_url()}/@@annuler-rendez-vous"
    form = requests.get(cancel, params={"id": booking.id}, auth=AGENT, timeout=60).text
    response = requests.post(
        cancel,
        data={
            "_authenticator": authenticator(form),
            "id": booking.id,
            "annuler": "1",
            "message": "L'agent est absent.",
        },
        auth=AGENT,
        timeout=60,
    )
    assert response.status_code == 200
    transaction.begin()
    assert store(agenda).get(booking.id).status == "cancelled"
    [mail] = [mail for mail in smtp.to("jeanne@example.fr") if "annulé" in mail.subject]
    assert "L'agent est absent." in mail.body


def test_book_on_behalf(booking, http_agenda):
    agenda = http_agenda
    # The counter's connection has booked its fill: an agent is not counted.
    agenda.max_per_address = 1
    transaction.commit()
    assert counters.take(api.portal.get(), "/".join(agenda.getPhysicalPath()), "127.0.0.1", 1, 600)
    # Agents may book today, within the minimum notice.
    today = now().date()
    page = requests.get(
        f"{agenda.absolute_url()}/@@creneaux",
        params={"motif": "etat-civil", "personnes": 1},
        auth=AGENT,
        timeout=60,
    )
    assert page.status_code == 200
    slots = free_slots(
        agenda, agenda["etat-civil"], 1, today, today + timedelta(days=30), anytime=True
    )
    query = {
        "motif": "etat-civil",
        "personnes": "1",
        "debut": slots[0].start.strftime("%Y-%m-%dT%H:%M"),
    }
    form = requests.get(
        f"{agenda.absolute_url()}/@@reserver", params=query, auth=AGENT, timeout=60
    ).text
    with requests.Session() as session:
        session.auth = AGENT
        response = session.post(
            f"{agenda.absolute_url()}/@@reserver",
            data={
                "_authenticator": authenticator(form),
                "nom": "Durand",
                "prenom": "Paul",
                "courriel": "paul@example.fr",
                "telephone": "0700000000",
                "confirmer": "1",
                **query,
            },
            allow_redirects=False,
            timeout=60,
        )
    assert response.status_code == 303, text(response.text)
    transaction.begin()
    [made] = [
        item
        for item in store(agenda).between(slots[0].start, slots[0].end)
        if item.surname == "Durand"
    ]
    assert made.history[0][1] == "agent"


def test_the_agents_pages_are_accessible(booking, http_agenda, chromium):
    """Day, week, the block form's error and the cancel form, as an agent: axe finds nothing."""
    agenda, day = http_agenda, booking.start.date()
    with logged_in(chromium, *AGENT) as agent:
        day_url = f"{agenda.absolute_url()}/@@rendez-vous-agents?jour={day.isoformat()}"
        choose_cookies(agent, day_url)
        for url in (
            day_url,
            f"{day_url}&vue=semaine",
            f"{agenda.absolute_url()}/@@annuler-rendez-vous?id={booking.id}",
        ):
            assert agent.goto(url).status == 200, url
            assert axe_violations(agent, include="#content") == [], url

        agent.goto(day_url)
        agent.fill("#bloc_debut", "16:00")
        agent.fill("#bloc_fin", "15:00")
        agent.click("button[value=bloquer]")
        agent.wait_for_load_state()
        assert "doit se terminer après son début" in agent.locator("#content").inner_text()
        assert axe_violations(agent, include="#content") == []
