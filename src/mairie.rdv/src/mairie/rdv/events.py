"""What happens to a booking, told to whoever listens (ANTS declarations, mails, SMS).

The store notifies these after writing, inside the booking's transaction: a
subscriber that talks to the outside world does so in an after-commit hook, so
that a transaction aborted or retried after a conflict sends nothing.
"""

from zope.interface import Attribute
from zope.interface import implementer
from zope.interface import Interface


class IBookingEvent(Interface):
    agenda = Attribute("The mairie.Agenda holding the booking")
    booking = Attribute("The mairie.rdv.bookings.Booking")


class IBookingCreated(IBookingEvent):
    """A booking was stored."""


class IBookingCancelled(IBookingEvent):
    """A booking was cancelled (by the citizen or an agent)."""


class IBookingMoved(IBookingEvent):
    """A booking got another time or counter; ``booking`` already holds the new ones."""

    old_start = Attribute("The former start (aware datetime, Europe/Paris)")
    old_counter = Attribute("The former counter id")


@implementer(IBookingEvent)
class BookingEvent:
    def __init__(self, agenda, booking):
        self.agenda = agenda
        self.booking = booking


@implementer(IBookingCreated)
class BookingCreated(BookingEvent):
    pass


@implementer(IBookingCancelled)
class BookingCancelled(BookingEvent):
    pass


@implementer(IBookingMoved)
class BookingMoved(BookingEvent):
    def __init__(self, agenda, booking, old_start, old_counter):
        super().__init__(agenda, booking)
        self.old_start = old_start
        self.old_counter = old_counter
