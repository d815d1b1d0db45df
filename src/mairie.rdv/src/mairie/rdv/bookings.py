"""Where an agenda's bookings live, and the only code that writes them.

Bookings are persistent records in the agenda's annotations, not content: not
catalogued, not traversable, read only by the views that need them (the
citizen's by an unguessable token, the agents' behind their permission).

No slot is ever booked beyond its capacity, however many requests arrive at
once: every booking rewrites one ``Ledger``, the plain persistent object (no
conflict resolution) of its counter and day. Two transactions booking on the
same counter and day therefore conflict; Zope retries the loser, which then
sees the slot taken. The cap on future bookings per e-mail address works the
same way with one ``PersonLedger`` per address. (A BTree leaf or a
BTrees.Length would merge the two writes and let both through.)
"""

from BTrees.OOBTree import OOBTree
from datetime import datetime
from datetime import timedelta
from mairie.policy.acts.dates import now as paris_now
from mairie.policy.acts.dates import paris_time
from mairie.policy.phone import normalize_phone
from mairie.policy.phone import PhoneError
from mairie.rdv import _
from mairie.rdv.ants.precheck import FORMAT
from mairie.rdv.ants.precheck import normalize
from mairie.rdv.events import BookingCancelled
from mairie.rdv.events import BookingCreated
from mairie.rdv.events import BookingMoved
from mairie.rdv.slots import counters_for
from mairie.rdv.slots import duration
from mairie.rdv.slots import Hours
from mairie.rdv.slots import overlap
from mairie.rdv.slots import shift
from mairie.rdv.slots import window
from persistent import Persistent
from persistent.list import PersistentList
from zope.annotation.interfaces import IAnnotations
from zope.event import notify

import re
import secrets


KEY = "mairie.rdv.bookings"
BOOKED = "booked"
CANCELLED = "cancelled"
HONOURED = "honoured"
MISSED = "missed"
STATUSES = (BOOKED, CANCELLED, HONOURED, MISSED)

# No control character (NUL, CR, LF...): the address goes into a mail's To: header.
EMAIL = re.compile(r"[^@\s,;<>\x00-\x1f\x7f]+@[^@\s,;<>\x00-\x1f\x7f]+\.[A-Za-z]{2,}")
NAME_LENGTH = 100


class BookingError(Exception):
    """Bad input or a slot that cannot be booked; ``message`` says why, in French."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class SlotTaken(BookingError):
    def __init__(self):
        super().__init__(
            _(
                "error_rdv_slot_taken",
                default="This slot has just been booked: please choose another one.",
            )
        )


def person_problems(surname, first_name, email, phone) -> dict:
    """What is wrong with each detail of the person booking, by name (surname, first_name,
    email, phone), in that order: empty when all is right."""
    problems = {}
    names = {
        "surname": _("error_rdv_surname", default="Give your surname."),
        "first_name": _("error_rdv_first_name", default="Give your first name."),
    }
    for name, value in (("surname", surname), ("first_name", first_name)):
        value = (value or "").strip()
        if not value:
            problems[name] = names[name]
        elif len(value) > NAME_LENGTH:
            problems[name] = _("error_rdv_name_length", default="This name is too long.")
    email = (email or "").strip()
    if len(email) > 254 or not EMAIL.fullmatch(email):
        problems["email"] = _(
            "error_rdv_email",
            default="This e-mail address is not valid: write it as name@example.fr.",
        )
    if not (phone or "").strip():
        problems["phone"] = _("error_rdv_phone_missing", default="Give your phone number.")
    else:
        try:
            normalize_phone(phone)
        except PhoneError as error:
            problems["phone"] = error.message
    return problems


class Booking(Persistent):
    def __init__(self, id, token, start, end, counter, service, service_title, people, **person):
        self.id = id
        self.token = token
        self.start = start
        self.end = end
        self.counter = counter
        self.service = service
        self.service_title = service_title
        self.people = people
        self.surname = person["surname"]
        self.first_name = person["first_name"]
        self.email = person["email"]
        self.phone = person["phone"]
        self.application_ids = tuple(person["application_ids"])
        self.status = BOOKED
        self.created = paris_now()
        self.reminded = None
        self.ants_declared = False
        self.history = PersistentList()

    def log(self, who: str, what: str) -> None:
        self.history.append((paris_now(), who, what))

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.surname}"


class Ledger(Persistent):
    """What occupies one counter on one day: (start, end, booking id or "" when blocked, note).

    Each change assigns a new tuple, so that concurrent changes conflict.
    """

    def __init__(self):
        self.entries = ()

    def add(self, entry) -> None:
        self.entries = tuple(sorted(self.entries + (entry,)))

    def remove(self, test) -> None:
        self.entries = tuple(entry for entry in self.entries if not test(entry))


class PersonLedger(Persistent):
    """The bookings made with one e-mail address (rewritten on each, to conflict)."""

    def __init__(self):
        self.ids = ()


class Bookings(Persistent):
    def __init__(self):
        self.items = OOBTree()  # id → Booking
        self.tokens = OOBTree()  # token → id
        self.days = OOBTree()  # "YYYY-MM-DD/counter id" → Ledger
        self.people = OOBTree()  # e-mail, lower case → PersonLedger


def _day_key(counter_id: str, day) -> str:
    return f"{day.isoformat()}/{counter_id}"


class BookingStore:
    """The bookings of one agenda; created in the annotations on the first write only."""

    def __init__(self, agenda):
        self.agenda = agenda

    def _data(self, create: bool = False) -> Bookings | None:
        annotations = IAnnotations(self.agenda)
        data = annotations.get(KEY)
        if data is None and create:
            data = annotations[KEY] = Bookings()
        return data

    def _ledger(self, counter_id: str, day, create: bool = False) -> Ledger | None:
        data = self._data(create)
        if data is None:
            return None
        key = _day_key(counter_id, day)
        ledger = data.days.get(key)
        if ledger is None and create:
            ledger = data.days[key] = Ledger()
        return ledger

    # Reading

    def get(self, id: str) -> Booking | None:
        data = self._data()
        return data.items.get(id) if data is not None and id else None

    def by_token(self, token: str) -> Booking | None:
        data = self._data()
        if data is None or not token or not isinstance(token, str):
            return None
        id = data.tokens.get(token)
        return data.items.get(id) if id else None

    def busy(self, counter_id: str, day) -> list[tuple[datetime, datetime]]:
        ledger = self._ledger(counter_id, day)
        return [(entry[0], entry[1]) for entry in ledger.entries] if ledger else []

    def blocks(self, counter_id: str, day) -> list[tuple]:
        """The blocked periods of a counter's day: (start, end, "", reason)."""
        ledger = self._ledger(counter_id, day)
        return [entry for entry in ledger.entries if not entry[2]] if ledger else []

    def between(self, first: datetime, last: datetime, counter=None):
        """Bookings not cancelled starting in [first, last), by start time."""
        data = self._data()
        if data is None:
            return
        first, last = paris_time(first), paris_time(last)
        keys = data.days.keys(first.date().isoformat(), last.date().isoformat() + "/\uffff")
        found = []
        for key in keys:
            if counter is not None and key.split("/", 1)[1] != counter:
                continue
            for start, _end, id, _note in data.days[key].entries:
                if id and first <= start < last:
                    found.append(data.items[id])
        yield from sorted(found, key=lambda booking: (booking.start, booking.counter))

    def future_count(self, email: str, now=None) -> int:
        data = self._data()
        person = data.people.get(email.strip().lower()) if data is not None else None
        if person is None:
            return 0
        now = now or paris_now()
        bookings = (data.items.get(id) for id in person.ids)
        return sum(1 for item in bookings if item and item.status == BOOKED and item.start >= now)

    # Checks

    def _service(self, service):
        agenda_service = self.agenda.get(getattr(service, "getId", lambda: "")())
        if agenda_service is None or agenda_service.portal_type != "mairie.RdvService":
            raise BookingError(
                _("error_rdv_unknown_service", default="This service does not exist.")
            )
        return agenda_service

    def _people(self, service, people) -> int:
        try:
            people = int(people)
        except (TypeError, ValueError):
            people = 0
        if not 1 <= people <= (service.max_people or 1):
            raise BookingError(
                _(
                    "error_rdv_people",
                    default="The number of people must be between 1 and ${max}.",
                    mapping={"max": service.max_people or 1},
                )
            )
        return people

    def _person(self, surname, first_name, email, phone) -> dict:
        problems = person_problems(surname, first_name, email, phone)
        if problems:
            raise BookingError(next(iter(problems.values())))
        return {
            "surname": surname.strip(),
            "first_name": first_name.strip(),
            "email": email.strip(),
            "phone": normalize_phone(phone),
        }

    def _applications(self, service, people: int, application_ids) -> tuple:
        if not service.ants_reason:
            return ()
        ids = tuple(normalize(item or "") for item in application_ids or ())
        if len(ids) != people or len(set(ids)) != people:
            raise BookingError(
                _(
                    "error_rdv_application_count",
                    default="Give one ANTS pre-application number per person.",
                )
            )
        for item in ids:
            if not FORMAT.fullmatch(item):
                raise BookingError(
                    _(
                        "error_rdv_application_format",
                        default="“${number}” is not an ANTS pre-application number: it has 10 capital "
                        "letters and digits.",
                        mapping={"number": item},
                    )
                )
        return ids

    def _when(self, start, citizen: bool, now) -> datetime:
        if not isinstance(start, datetime):
            raise BookingError(
                _("error_rdv_no_slot", default="This slot is not available: choose another one.")
            )
        start = paris_time(start)
        if start <= now:
            raise BookingError(
                _("error_rdv_past", default="This slot is in the past: choose another one.")
            )
        if citizen:
            earliest, latest = window(self.agenda, now)
            if start < earliest:
                raise BookingError(
                    _(
                        "error_rdv_too_soon",
                        default="This slot is too close: appointments are taken at least ${hours} hours "
                        "ahead.",
                        mapping={"hours": self.agenda.min_notice_hours},
                    )
                )
            if start.date() > latest:
                raise BookingError(
                    _(
                        "error_rdv_too_far",
                        default="This slot is too far ahead: appointments are taken up to ${days} days "
                        "ahead.",
                        mapping={"days": self.agenda.days_ahead},
                    )
                )
        return start

    def _place(self, service, counter_id: str, start, end, ignore: str = "") -> str:
        """A counter offering ``service`` open and free over [start, end): its id."""
        if counter_id:
            counter = self.agenda.get(counter_id)
            if (
                counter is None
                or counter.portal_type != "mairie.Counter"
                or not counter.offers(service)
            ):
                raise BookingError(
                    _(
                        "error_rdv_no_slot",
                        default="This slot is not available: choose another one.",
                    )
                )
            candidates = [counter]
        else:
            candidates = counters_for(self.agenda, service)
        opened = False
        for counter in candidates:
            hours = Hours(self.agenda, counter)
            if not hours.is_open(start, end):
                continue
            opened = True
            ledger = self._ledger(counter.getId(), start.date())
            entries = ledger.entries if ledger else ()
            busy = [(entry[0], entry[1]) for entry in entries if not ignore or entry[2] != ignore]
            if overlap(busy, start, end) < hours.capacity:
                return counter.getId()
        if opened:
            raise SlotTaken()
        raise BookingError(
            _("error_rdv_no_slot", default="This slot is not available: choose another one.")
        )

    def _check_cap(self, email: str, now) -> None:
        cap = self.agenda.max_future_bookings or 1
        if self.future_count(email, now) >= cap:
            raise BookingError(
                _(
                    "error_rdv_too_many",
                    default="This e-mail address already has ${count} appointments to come: cancel one "
                    "before booking another.",
                    mapping={"count": cap},
                )
            )

    # Writing

    def book(
        self,
        service,
        counter_id,
        start,
        people,
        surname,
        first_name,
        email,
        phone,
        application_ids=(),
        by="",
        now=None,
    ) -> Booking:
        """Check everything, then store a booking; ``counter_id`` "" takes any free counter.

        A citizen (``by`` empty) books within the agenda's window and cap; an
        agent booking on someone's behalf (``by`` = their user id) may book any
        future free slot.
        """
        now = paris_time(now) if now else paris_now()
        service = self._service(service)
        people = self._people(service, people)
        person = self._person(surname, first_name, email, phone)
        ids = self._applications(service, people, application_ids)
        start = self._when(start, not by, now)
        end = shift(start, duration(service, people))
        counter_id = self._place(service, counter_id or "", start, end)
        if not by:
            self._check_cap(person["email"], now)

        data = self._data(create=True)
        id = secrets.token_hex(8)
        while id in data.items:
            id = secrets.token_hex(8)
        booking = Booking(
            id,
            secrets.token_urlsafe(24),
            start,
            end,
            counter_id,
            service.getId(),
            service.Title(),
            people,
            application_ids=ids,
            **person,
        )
        booking.log(by, BOOKED)
        data.items[id] = booking
        data.tokens[booking.token] = id
        self._ledger(counter_id, start.date(), create=True).add((start, end, id, ""))
        key = person["email"].lower()
        ledger = data.people.get(key)
        if ledger is None:
            ledger = data.people[key] = PersonLedger()
        ledger.ids = ledger.ids + (id,)
        notify(BookingCreated(self.agenda, booking))
        return booking

    def _require_booked(self, booking) -> None:
        if booking.status != BOOKED:
            raise BookingError(
                _(
                    "error_rdv_not_booked",
                    default="This appointment is no longer booked: it cannot be changed.",
                )
            )

    def cancel(self, booking, by="", message="") -> None:
        self._require_booked(booking)
        ledger = self._ledger(booking.counter, booking.start.date())
        if ledger is not None:
            ledger.remove(lambda entry: entry[2] == booking.id)
        booking.status = CANCELLED
        booking.log(by, f"{CANCELLED}: {message}" if message else CANCELLED)
        notify(BookingCancelled(self.agenda, booking))

    def move(self, booking, start, counter_id, by="", now=None) -> None:
        """Give a booking another start (and counter: "" takes any free one)."""
        self._require_booked(booking)
        now = paris_time(now) if now else paris_now()
        service = self.agenda.get(booking.service)
        if service is None:
            raise BookingError(
                _("error_rdv_unknown_service", default="This service does not exist.")
            )
        start = self._when(start, not by, now)
        end = shift(start, booking.end - booking.start)
        new_counter = self._place(service, counter_id or "", start, end, ignore=booking.id)
        old_start, old_counter = booking.start, booking.counter
        self._ledger(old_counter, old_start.date(), create=True).remove(
            lambda entry: entry[2] == booking.id
        )
        self._ledger(new_counter, start.date(), create=True).add((start, end, booking.id, ""))
        booking.start, booking.end, booking.counter = start, end, new_counter
        booking.reminded = None
        booking.log(by, f"moved from {old_start.isoformat()} ({old_counter})")
        notify(BookingMoved(self.agenda, booking, old_start, old_counter))

    def mark(self, booking, status, by="") -> None:
        """An agent records whether the citizen came (honoured) or not (missed)."""
        if status not in (HONOURED, MISSED):
            raise BookingError(_("error_rdv_status", default="Unknown status."))
        if booking.status == CANCELLED:
            self._require_booked(booking)
        booking.status = status
        booking.log(by, status)

    def block(self, counter_id: str, start: datetime, end: datetime, by="", reason="") -> None:
        """Make a counter's period unavailable (counts as taken); bookings already there stay."""
        start, end = paris_time(start), paris_time(end)
        if end <= start or start.date() != end.date():
            raise BookingError(
                _(
                    "error_rdv_block_period",
                    default="The blocked period must end after it starts, on the same day.",
                )
            )
        counter = self.agenda.get(counter_id)
        if counter is None or counter.portal_type != "mairie.Counter":
            raise BookingError(
                _("error_rdv_unknown_counter", default="This counter does not exist.")
            )
        self._ledger(counter_id, start.date(), create=True).add((start, end, "", reason or by))

    def unblock(self, counter_id: str, start: datetime) -> None:
        start = paris_time(start)
        ledger = self._ledger(counter_id, start.date())
        if ledger is not None:
            ledger.remove(lambda entry: not entry[2] and entry[0] == start)

    def purge(self, before: datetime | None = None) -> int:
        """Delete the bookings (and blocks) older than the retention, counted back from ``before``.

        ``before`` defaults to now: a booking goes ``retention_days`` after its
        date. Returns how many bookings were deleted.
        """
        data = self._data()
        if data is None:
            return 0
        cutoff = paris_time(before or paris_now()) - timedelta(days=self.agenda.retention_days or 1)
        old = [item for item in data.items.values() if item.end < cutoff]
        for booking in old:
            del data.items[booking.id]
            data.tokens.pop(booking.token, None)
            person = data.people.get(booking.email.lower())
            if person is not None:
                person.ids = tuple(id for id in person.ids if id != booking.id)
                if not person.ids:
                    del data.people[booking.email.lower()]
        day = cutoff.date().isoformat()
        for key in list(data.days.keys(max=day)):
            del data.days[key]
        for key in list(data.days.keys(day, day + "/\uffff")):
            ledger = data.days[key]
            if any(entry[2] and entry[2] not in data.items for entry in ledger.entries):
                ledger.remove(lambda entry: entry[2] and entry[2] not in data.items)
        return len(old)


def store(agenda) -> BookingStore:
    return BookingStore(agenda)


def management_url(agenda, booking) -> str:
    """The citizen's page to see, cancel or move a booking, opened by its token."""
    return f"{agenda.absolute_url()}/@@mon-rendez-vous?jeton={booking.token}"
