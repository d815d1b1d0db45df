"""No slot ever holds more bookings than its capacity, and no connection books more than its
limit, however many requests arrive at once."""

from .http import authenticator
from .http import links
from .http import post_booking
from .http import text
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from mairie.policy.acts.dates import now
from mairie.rdv import mails
from mairie.rdv.bookings import store
from rdv.conftest import add_counter
from urllib.parse import parse_qs
from urllib.parse import urlparse

import requests
import threading
import time
import transaction


ATTEMPTS = 100


def test_hundred_requests_on_a_slot_of_capacity_two(site, http_agenda):
    agenda = http_agenda
    # Two counters offer the service: the slot's capacity is 2.
    add_counter(agenda, "guichet-2", services=("etat-civil",))
    transaction.commit()

    slots = requests.get(
        f"{agenda.absolute_url()}/@@creneaux",
        params={"motif": "etat-civil", "personnes": 1},
        timeout=60,
    )
    url = links(slots.text, "reserver")[0]
    query = {key: values[0] for key, values in parse_qs(urlparse(url).query).items()}
    token = authenticator(requests.get(url, timeout=60).text)
    target = f"{agenda.absolute_url()}/@@reserver"

    def attempt(number):
        # Keep the answer, not the response: an open response keeps its
        # connection, and the test server (waitress) accepts 100 at most.
        # A hundred visitors behind the agency's proxy, each under its own limit.
        visitor = {"X-Forwarded-For": f"198.51.100.{number}, 127.0.0.1"}
        with post_booking(
            target, query, token, headers=visitor, courriel=f"personne{number}@example.fr"
        ) as response:
            return response.status_code, text(response.text)

    with ThreadPoolExecutor(max_workers=16) as pool:
        responses = list(pool.map(attempt, range(ATTEMPTS)))

    statuses = [status for status, _page in responses]
    booked = [page for status, page in responses if status == 303]
    refused = [
        page
        for status, page in responses
        if status == 200 and "Ce créneau vient d'être réservé" in page
    ]
    assert len(booked) == 2, statuses
    assert len(refused) == ATTEMPTS - 2, statuses

    transaction.begin()
    stored = list(store(agenda).between(now(), now() + timedelta(days=agenda.days_ahead + 1)))
    assert len(stored) == 2
    assert {booking.counter for booking in stored} == {"guichet-1", "guichet-2"}
    assert len({booking.start for booking in stored}) == 1


def test_parallel_bookings_from_one_connection_stop_at_the_limit(site, http_agenda):
    agenda = http_agenda
    agenda.max_per_address = 5
    transaction.commit()
    slots = requests.get(
        f"{agenda.absolute_url()}/@@creneaux",
        params={"motif": "etat-civil", "personnes": 1},
        timeout=60,
    )
    urls = links(slots.text, "reserver")[:20]
    assert len(urls) == 20
    token = authenticator(requests.get(urls[0], timeout=60).text)
    target = f"{agenda.absolute_url()}/@@reserver"
    start = threading.Barrier(20)

    def attempt(number):
        # Twenty free slots, one each: only the limit per connection can stop them.
        query = {key: values[0] for key, values in parse_qs(urlparse(urls[number]).query).items()}
        start.wait()
        with post_booking(
            target, query, token, courriel=f"personne{number}@example.fr"
        ) as response:
            return response.status_code, text(response.text)

    with ThreadPoolExecutor(max_workers=20) as pool:
        responses = list(pool.map(attempt, range(20)))

    booked = [page for status, page in responses if status == 303]
    limited = [
        page
        for status, page in responses
        if status == 200 and "Trop de rendez-vous ont été pris depuis votre connexion" in page
    ]
    assert (len(booked), len(limited)) == (5, 15), [status for status, _page in responses]
    transaction.begin()
    stored = list(store(agenda).between(now(), now() + timedelta(days=agenda.days_ahead + 1)))
    assert len(stored) == 5


def test_slow_bookings_in_flight_are_counted_before_they_are_stored(site, http_agenda, monkeypatch):
    agenda = http_agenda
    agenda.max_per_address = 2
    transaction.commit()
    slots = requests.get(
        f"{agenda.absolute_url()}/@@creneaux",
        params={"motif": "etat-civil", "personnes": 1},
        timeout=60,
    )
    urls = links(slots.text, "reserver")[:4]
    token = authenticator(requests.get(urls[0], timeout=60).text)
    confirm = mails.confirmation

    def slow_confirmation(agenda, booking):
        # A second between the check and the commit: every request is in flight
        # at once (the server has 4 threads), as under load.
        time.sleep(1)
        confirm(agenda, booking)

    monkeypatch.setattr(mails, "confirmation", slow_confirmation)

    def attempt(url):
        query = {key: values[0] for key, values in parse_qs(urlparse(url).query).items()}
        with post_booking(f"{agenda.absolute_url()}/@@reserver", query, token) as response:
            return response.status_code

    with ThreadPoolExecutor(max_workers=4) as pool:
        statuses = sorted(pool.map(attempt, urls))
    assert statuses == [200, 200, 303, 303]
    transaction.begin()
    stored = list(store(agenda).between(now(), now() + timedelta(days=agenda.days_ahead + 1)))
    assert len(stored) == 2
