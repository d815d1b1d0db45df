"""A booking's e-mail address goes into a mail's To: header: no control character in it."""

from .test_bookings import at
from .test_bookings import book
from .test_bookings import FROZEN
from freezegun import freeze_time
from mairie.rdv.bookings import BookingError

import pytest


@freeze_time(FROZEN)
@pytest.mark.parametrize(
    "email",
    ["a@b.fr\u0000", "jeanne\u0000@example.fr", "jeanne@exa\u0000mple.fr", "jeanne@ex\rample.fr"],
)
def test_control_characters_are_refused(agenda, email):
    with pytest.raises(BookingError):
        book(agenda, at(9, 30), email=email)


@freeze_time(FROZEN)
def test_surrounding_blanks_are_dropped(agenda):
    assert book(agenda, at(9, 30), email=" jeanne@example.fr\n").email == "jeanne@example.fr"
