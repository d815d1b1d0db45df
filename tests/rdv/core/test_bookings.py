"""The booking store: checks, cap per person, cancel, move, mark, block, purge."""

from datetime import date
from datetime import datetime
from datetime import timedelta
from freezegun import freeze_time
from mairie.policy.acts.dates import PARIS
from mairie.rdv.bookings import BookingError
from mairie.rdv.bookings import SlotTaken
from mairie.rdv.bookings import store
from mairie.rdv.events import IBookingCancelled
from mairie.rdv.events import IBookingCreated
from mairie.rdv.events import IBookingMoved
from zope.component import getGlobalSiteManager
from zope.i18n import translate

import pytest


TUESDAY = date(2027, 3, 2)
FROZEN = "2027-03-01 08:00:00+01:00"


def at(hh, mm=0, day=TUESDAY):
    return PARIS.localize(datetime(day.year, day.month, day.day, hh, mm))


def book(agenda, start, email="jeanne@example.fr", service="etat-civil", **extra):
    person = {"surname": "Martin", "first_name": "Jeanne", "email": email, "phone": "0612345678"}
    person.update(extra)
    people = person.pop("people", 1)
    return store(agenda).book(agenda[service], person.pop("counter", ""), start, people, **person)


def french(error) -> str:
    return translate(error.value.message, target_language="fr")


@pytest.fixture
def events():
    seen = []
    manager = getGlobalSiteManager()
    handler = seen.append
    for interface in (IBookingCreated, IBookingCancelled, IBookingMoved):
        manager.registerHandler(handler, (interface,))
    yield seen
    for interface in (IBookingCreated, IBookingCancelled, IBookingMoved):
        manager.unregisterHandler(handler, (interface,))


@freeze_time(FROZEN)
def test_book_cancel_move_and_events(agenda, events):
    booking = book(agenda, at(9, 30))
    assert booking.status == "booked" and booking.counter == "guichet-1"
    assert booking.end == at(9, 45)
    assert len(booking.token) >= 32 and booking.token != booking.id
    bookings = store(agenda)
    assert bookings.by_token(booking.token) is booking
    assert bookings.by_token("nope") is None
    assert list(bookings.between(at(0), at(23))) == [booking]

    bookings.move(booking, at(10), "", by="")
    assert (booking.start, booking.end) == (at(10), at(10, 15))
    assert bookings.busy("guichet-1", TUESDAY) == [(at(10), at(10, 15))]
    bookings.cancel(booking, by="agent", message="Mairie fermée")
    assert booking.status == "cancelled"
    assert bookings.busy("guichet-1", TUESDAY) == []
    assert list(bookings.between(at(0), at(23))) == []
    assert [type(event).__name__ for event in events] == [
        "BookingCreated",
        "BookingMoved",
        "BookingCancelled",
    ]
    assert events[1].old_start == at(9, 30) and events[1].old_counter == "guichet-1"
    with pytest.raises(BookingError):
        bookings.cancel(booking)


@freeze_time(FROZEN)
def test_full_slot_and_capacity(agenda):
    book(agenda, at(9, 30), email="a@example.fr")
    with pytest.raises(SlotTaken) as error:
        book(agenda, at(9, 30), email="b@example.fr")
    assert "Ce créneau vient d'être réservé" in french(error)
    # Overlapping, not only equal, is taken.
    with pytest.raises(SlotTaken):
        book(agenda, at(9, 15), email="b@example.fr", service="cni", application_ids=["ABCDE12345"])
    agenda["guichet-1"].capacity = 2
    assert book(agenda, at(9, 30), email="b@example.fr").counter == "guichet-1"


@freeze_time(FROZEN)
def test_bad_input_books_nothing(agenda):
    cases = [
        (dict(start=at(12, 30)), "n'est pas disponible"),  # closed at lunch
        (dict(start=PARIS.localize(datetime(2027, 2, 26, 9))), "déjà passé"),
        (dict(start=at(9, day=date(2027, 3, 1)) + timedelta(hours=1)), "trop proche"),
        (dict(start=at(9, day=date(2027, 6, 1))), "trop lointain"),
        (dict(start=at(9), email="pas-une-adresse"), "adresse électronique n'est pas valide"),
        (dict(start=at(9), phone="12"), "numéro de téléphone"),
        (dict(start=at(9), surname=" "), "Indiquez votre nom."),
        (dict(start=at(9), people=3), "entre 1 et 2"),
        (dict(start=at(9), service="cni", application_ids=["abc"]), "pré-demande"),
        (
            dict(start=at(9), service="cni", people=2, application_ids=["ABCDE12345"]),
            "par personne",
        ),
        (dict(start=at(9), counter="guichet-9"), "n'est pas disponible"),
    ]
    for arguments, message in cases:
        arguments = dict(arguments)
        start = arguments.pop("start")
        with pytest.raises(BookingError) as error:
            book(agenda, start, **arguments)
        assert message in french(error), (arguments, french(error))
    with pytest.raises(BookingError) as error:
        store(agenda).book(
            agenda["guichet-1"], "", at(9), 1, "M", "J", "j@example.fr", "0612345678"
        )
    assert "n'existe pas" in french(error)
    assert list(store(agenda).between(at(0), at(0, day=date(2027, 12, 31)))) == []


@freeze_time(FROZEN)
def test_cap_per_email_and_agents(agenda):
    agenda.max_future_bookings = 2
    book(agenda, at(9), email="Jeanne@Example.fr")
    book(agenda, at(10), email="jeanne@example.fr")
    with pytest.raises(BookingError) as error:
        book(agenda, at(11), email="jeanne@example.fr")
    assert "déjà 2 rendez-vous à venir" in french(error)
    # An agent may book on someone's behalf, sooner than the notice too.
    soon = at(14, day=date(2027, 3, 1))
    assert book(agenda, soon, email="jeanne@example.fr", by="agent").start == soon


@freeze_time(FROZEN)
def test_mark_and_block(agenda):
    bookings = store(agenda)
    booking = book(agenda, at(9))
    bookings.mark(booking, "honoured", by="agent")
    assert booking.status == "honoured" and booking.history[-1][1:] == ("agent", "honoured")
    with pytest.raises(BookingError):
        bookings.mark(booking, "booked")
    bookings.block("guichet-1", at(10), at(11), by="agent", reason="Réunion")
    with pytest.raises(SlotTaken):
        book(agenda, at(10, 30), email="b@example.fr")
    assert bookings.blocks("guichet-1", TUESDAY) == [(at(10), at(11), "", "Réunion")]
    bookings.unblock("guichet-1", at(10))
    assert book(agenda, at(10, 30), email="b@example.fr").start == at(10, 30)
    with pytest.raises(BookingError):
        bookings.block("guichet-1", at(11), at(10))


def test_purge_after_retention(agenda):
    with freeze_time(FROZEN):
        old = book(agenda, at(9))
        kept = book(agenda, at(9, day=date(2027, 3, 30)), email="b@example.fr")
        store(agenda).block("guichet-1", at(10), at(11))
    bookings = store(agenda)
    # 30 days after 2 March, 9:15: the first booking goes, the later one stays.
    assert bookings.purge(PARIS.localize(datetime(2027, 4, 1, 9))) == 0
    assert bookings.purge(PARIS.localize(datetime(2027, 4, 2, 9))) == 1
    assert bookings.get(old.id) is None and bookings.by_token(old.token) is None
    assert bookings.get(kept.id) is kept
    assert bookings.blocks("guichet-1", TUESDAY) == []
    assert bookings.future_count("jeanne@example.fr", at(0, day=date(2027, 1, 1))) == 0
    assert bookings.purge(PARIS.localize(datetime(2027, 4, 2, 9))) == 0
