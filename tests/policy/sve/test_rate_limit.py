"""The limit per address on the requests: in the database, checked and counted at once,
closed when the database cannot count.

tests/policy/test_counters.py shows the counts shared by two instances; here
the SVE's own path, over HTTP.
"""

from .forms import configure
from .forms import fr
from .forms import submit
from concurrent.futures import ThreadPoolExecutor
from mairie.policy import _
from mairie.policy import counters
from mairie.policy.sve import mails
from mairie.policy.sve.records import all_requests
from ZODB.POSException import ReadOnlyError

import logging
import requests
import threading
import time
import transaction


RATE_LIMITED = _(
    "error_sve_rate_limit",
    default="Too many requests were sent from your connection in the last "
    "minutes. Please try again in 10 minutes.",
)
JSON = {"Accept": "application/json", "Content-Type": "application/json"}
ANSWERS = {
    "name": "Jeanne Martin",
    "email": "jeanne.martin@example.net",
    "subject": "Horaires",
    "message": "Bonjour",
}


def requests_in(form):
    transaction.begin()
    return all_requests(form)


def parallel(form, count):
    """``count`` visitors' submissions from one address, sent at the same instant."""
    start = threading.Barrier(count)

    def one(number):
        session = requests.Session()
        session.get(form.absolute_url(), timeout=60)
        start.wait()
        response = session.post(
            f"{form.absolute_url()}/@demande",
            json={**ANSWERS, "message": f"Demande {number}"},
            headers=JSON,
            timeout=60,
        )
        return response.status_code

    with ThreadPoolExecutor(max_workers=count) as pool:
        return sorted(pool.map(one, range(count)))


def test_parallel_requests_from_one_address_stop_at_the_limit(site, smtp):
    form = site["demarches"]["nous-contacter"]
    configure(form, max_per_ip=3)
    assert parallel(form, 12) == [201] * 3 + [429] * 9
    assert len(requests_in(form)) == 3


def test_slow_requests_in_flight_are_counted_before_they_are_stored(site, smtp, monkeypatch):
    form = site["demarches"]["nous-contacter"]
    configure(form, max_per_ip=2)
    send = mails.send

    def slow_send(messages):
        # A second between the check and the commit: all four in flight at once.
        time.sleep(1)
        send(messages)

    monkeypatch.setattr(mails, "send", slow_send)
    assert parallel(form, 4) == [201, 201, 429, 429]
    assert len(requests_in(form)) == 2


def test_a_request_replayed_after_a_conflict_counts_once(site, smtp):
    form = site["demarches"]["nous-contacter"]
    # Parallel requests conflict on the form's numbering and Zope replays them:
    # the hit of a try that did not commit is given back.
    configure(form, max_per_ip=8)
    assert parallel(form, 8) == [201] * 8
    assert len(requests_in(form)) == 8


def test_a_database_that_cannot_count_refuses_politely(site, smtp, monkeypatch, caplog):
    form = site["demarches"]["nous-contacter"]

    def read_only(obj, change, attempts=3):
        raise ReadOnlyError()

    monkeypatch.setattr(counters, "apart", read_only)
    with caplog.at_level(logging.ERROR, logger="mairie.policy"):
        page = submit(form.absolute_url())
    unavailable = fr(counters.UNAVAILABLE)
    assert unavailable.startswith("Le service est momentanément indisponible")
    assert unavailable in page
    assert "Counters of /plone/demarches/nous-contacter unavailable" in caplog.text
    response = requests.post(
        f"{form.absolute_url()}/@demande", json=ANSWERS, headers=JSON, timeout=60
    )
    assert response.status_code == 503
    assert response.json()["errors"] == [{"field": "", "message": unavailable}]
    assert requests_in(form) == []
    assert smtp.messages == []


def test_the_limit_answers_429_in_french_to_rest(site, smtp):
    form = site["demarches"]["nous-contacter"]
    configure(form, max_per_ip=1)
    assert parallel(form, 1) == [201]
    response = requests.post(
        f"{form.absolute_url()}/@demande", json=ANSWERS, headers=JSON, timeout=60
    )
    assert response.status_code == 429
    assert response.json()["errors"] == [{"field": "", "message": fr(RATE_LIMITED)}]
