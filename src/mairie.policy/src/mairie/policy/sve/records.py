"""Where a form's requests live: numbered records in the form's annotations.

The requests are plain persistent records, not content: they are not
catalogued (no catalog write on each submission, nothing to find through
search) and not traversable; only the agents' views, behind their own
permission, read them. The counter is one persistent object without conflict
resolution: two submissions at once conflict on it and one of them is
retried, so numbers are unique and without gaps. (A BTrees.Length would merge
the two increments and hand out the same number twice.) A number already
taken (the yearly reset switched on or off restarts a sequence) is skipped,
never overwritten.
"""

from BTrees.OOBTree import OOBTree
from datetime import datetime
from mairie.policy.acts.dates import now as paris_now
from mairie.policy.acts.dates import paris_time
from persistent import Persistent
from persistent.list import PersistentList
from zope.annotation.interfaces import IAnnotations


KEY = "mairie.policy.sve"
RECEIVED = "recue"
IN_PROGRESS = "en-cours"
DONE = "traitee"
REJECTED = "rejetee"
STATUSES = (RECEIVED, IN_PROGRESS, DONE, REJECTED)


class Counter(Persistent):
    """The last number given, per year when numbering starts again each year."""

    def __init__(self):
        self.last = {}

    def next(self, year: int, yearly_reset: bool) -> int:
        key = year if yearly_reset else 0
        number = self.last.get(key, 0) + 1
        # A new dict: the change must be seen (and conflict) on this object.
        self.last = {**self.last, key: number}
        return number


class SveRequest(Persistent):
    """One request as received: its number, time of receipt, answers and status history."""

    def __init__(self, number: str, received: datetime, data: dict, email: str):
        self.number = number
        self.received = received
        self.data = data
        self.email = email
        self.status = RECEIVED
        self.history = PersistentList([(received, "", RECEIVED)])
        self.receipt_sent = None

    def set_status(self, status: str, who: str, when: datetime) -> None:
        self.status = status
        self.history.append((when, who, status))


class Requests(Persistent):
    def __init__(self):
        self.counter = Counter()
        self.items = OOBTree()


def stamp(moment: datetime | None = None) -> datetime:
    """The given moment, or now, in Paris time (+01:00 or +02:00), as the database stores it."""
    return paris_time(moment) if moment is not None else paris_now()


def requests_of(form, create: bool = False) -> Requests | None:
    annotations = IAnnotations(form)
    store = annotations.get(KEY)
    if store is None and create:
        store = annotations[KEY] = Requests()
    return store


def all_requests(form) -> list[SveRequest]:
    """The form's requests, newest first."""
    store = requests_of(form)
    return list(reversed(store.items.values())) if store is not None else []


def get_request(form, number: str) -> SveRequest | None:
    store = requests_of(form)
    return store.items.get(number) if store is not None else None


def store_request(form, prefix: str, yearly_reset: bool, data: dict, email: str, now=None):
    """Number and store a request; the caller's transaction commits it."""
    received = stamp(now)
    store = requests_of(form, create=True)
    while True:
        sequence = store.counter.next(received.year, yearly_reset)
        number = f"{prefix}-{received.year}-{sequence:06d}"
        record = SveRequest(number, received, data, email)
        if store.items.insert(number, record):
            return record


def delete_requests(form, numbers) -> int:
    store = requests_of(form)
    if store is None:
        return 0
    for number in numbers:
        del store.items[number]
    return len(numbers)
