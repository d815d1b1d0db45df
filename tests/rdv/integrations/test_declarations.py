"""Appointments declared to the ANTS after commit, withdrawn when cancelled, moved as
delete + declare; failures retried by the daily command, never sent twice."""

from .conftest import ANTS_TOKEN
from .conftest import configure_ants
from datetime import datetime
from mairie.policy.acts.dates import PARIS
from mairie.rdv.ants import declarations
from mairie.rdv.bookings import management_url
from mairie.rdv.bookings import store
from urllib.parse import parse_qs

import pytest
import transaction


NOW = PARIS.localize(datetime(2027, 3, 1, 8, 0))
MONDAY = PARIS.localize(datetime(2027, 3, 29, 9, 0))
TUESDAY = PARIS.localize(datetime(2027, 3, 30, 14, 0))


@pytest.fixture
def site(http_agenda, httpserver):
    configure_ants(http_agenda.aq_parent, httpserver)
    # 29 March 2027 is Easter Monday.
    http_agenda.open_on_public_holidays = True
    transaction.commit()
    return http_agenda


def book(agenda, start=MONDAY, ids=("ABCDE12345",)):
    return store(agenda).book(
        agenda["cni"],
        "guichet-1",
        start,
        len(ids),
        "Martin",
        "Anne",
        "anne@example.fr",
        "06 12 34 56 78",
        application_ids=ids,
        by="agent",
        now=NOW,
    )


def calls(httpserver):
    return [
        (
            request.method,
            {key: values[0] for key, values in parse_qs(request.query_string.decode()).items()},
        )
        for request, _response in httpserver.log
    ]


def answer_ok(httpserver, method):
    httpserver.expect_request(
        "/api/appointments", method=method, headers={"x-rdv-opt-auth-token": ANTS_TOKEN}
    ).respond_with_json({"success": True})


def test_created_booking_is_declared_after_commit(site, httpserver):
    answer_ok(httpserver, "POST")
    booking = book(site, ids=("ABCDE12345", "FGHIJ67890"))
    assert httpserver.log == []  # nothing before the commit
    transaction.commit()

    assert calls(httpserver) == [
        (
            "POST",
            {
                "application_id": number,
                "meeting_point": "Mairie de Saint-Test",
                "meeting_point_id": "45999",
                "appointment_date": "2027-03-29 09:00:00",
                "management_url": management_url(site, booking),
            },
        )
        for number in ("ABCDE12345", "FGHIJ67890")
    ]
    transaction.begin()
    assert store(site).get(booking.id).ants_declared is True
    assert any(
        "ANTS declare ABCDE12345" in entry[2] for entry in store(site).get(booking.id).history
    )


def test_an_aborted_transaction_declares_nothing(site, httpserver):
    answer_ok(httpserver, "POST")
    book(site)
    transaction.abort()
    assert httpserver.log == []


def test_cancel_deletes_and_move_deletes_then_declares(site, httpserver):
    answer_ok(httpserver, "POST")
    answer_ok(httpserver, "DELETE")
    booking = book(site)
    transaction.commit()
    transaction.begin()  # as the next request would: see what the after-commit hook recorded
    store(site).move(store(site).get(booking.id), TUESDAY, "guichet-1", by="agent", now=NOW)
    transaction.commit()
    assert [(method, params["appointment_date"]) for method, params in calls(httpserver)] == [
        ("POST", "2027-03-29 09:00:00"),
        ("DELETE", "2027-03-29 09:00:00"),
        ("POST", "2027-03-30 14:00:00"),
    ]
    assert "management_url" not in calls(httpserver)[1][1]

    transaction.begin()
    store(site).cancel(store(site).get(booking.id), by="agent")
    transaction.commit()
    assert calls(httpserver)[-1] == (
        "DELETE",
        {
            "application_id": "ABCDE12345",
            "meeting_point": "Mairie de Saint-Test",
            "meeting_point_id": "45999",
            "appointment_date": "2027-03-30 14:00:00",
        },
    )
    transaction.begin()
    assert store(site).get(booking.id).ants_declared is False


def test_a_failed_declaration_is_retried_once(site, httpserver):
    httpserver.expect_ordered_request("/api/appointments", method="POST").respond_with_data(
        "down", status=503
    )
    booking = book(site)
    transaction.commit()
    transaction.begin()
    assert store(site).get(booking.id).ants_declared is False

    answer_ok(httpserver, "POST")
    assert declarations.retry(site, NOW) == 1
    transaction.commit()
    assert store(site).get(booking.id).ants_declared is True
    assert declarations.retry(site, NOW) == 0
    assert [method for method, _params in calls(httpserver)] == ["POST", "POST"]


def test_a_failed_withdrawal_is_retried(site, httpserver):
    answer_ok(httpserver, "POST")
    booking = book(site)
    transaction.commit()
    transaction.begin()
    httpserver.expect_ordered_request("/api/appointments", method="DELETE").respond_with_data(
        "down", status=500
    )
    store(site).cancel(store(site).get(booking.id), by="agent")
    transaction.commit()

    answer_ok(httpserver, "DELETE")
    transaction.begin()
    assert declarations.retry(site, NOW) == 1
    transaction.commit()
    assert declarations.retry(site, NOW) == 0
    assert [method for method, _params in calls(httpserver)] == ["POST", "DELETE", "DELETE"]


def test_bookings_without_numbers_call_nothing(site, httpserver):
    store(site).book(
        site["etat-civil"],
        "guichet-1",
        MONDAY,
        1,
        "Martin",
        "Anne",
        "anne@example.fr",
        "0612345678",
        by="agent",
        now=NOW,
    )
    transaction.commit()
    assert httpserver.log == []
