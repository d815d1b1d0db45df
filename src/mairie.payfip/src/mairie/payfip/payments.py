"""Where a payment form's payments live: persistent records in the form's annotations.

Like the SVE requests (mairie.policy.sve.records), payments are not content:
not catalogued, not traversable, read only by the agents' views. Each payment
is recorded "pending" before PayFiP is asked to create its operation, then
found again by its ``idOp``.

A payment takes one final state, once. ``Payment.finish`` refuses a second
one, and it writes the payment object itself, which has no conflict
resolution: two notifications processed at the same time both write it, one
of them gets a ConflictError, Zope retries it, and the retry finds the payment
already final and does nothing (its receipt, queued in the aborted
transaction, is dropped with it).
"""

from BTrees.OOBTree import OOBTree
from datetime import datetime
from mairie.payfip import _
from mairie.policy.acts.dates import now as paris_now
from persistent import Persistent
from zope.annotation.interfaces import IAnnotations

import secrets


KEY = "mairie.payfip.payments"

PENDING = "en-attente"
PAID_CARD = "payee-carte"
PAID_DEBIT = "payee-prelevement"
REFUSED = "refusee"
DEBIT_REFUSED = "prelevement-refuse"
ABANDONED = "abandonnee"
FAILED = "echec"
EXPIRED = "expiree"
STATUSES = (PENDING, PAID_CARD, PAID_DEBIT, REFUSED, DEBIT_REFUSED, ABANDONED, FAILED, EXPIRED)
PAID = (PAID_CARD, PAID_DEBIT)

# PayFiP's resultrans.
RESULTS = {"P": PAID_CARD, "V": PAID_DEBIT, "R": REFUSED, "Z": DEBIT_REFUSED, "A": ABANDONED}


class Payment(Persistent):
    def __init__(self, key: str, reference: str, amount: int, email: str, created: datetime):
        self.key = key
        self.reference = reference
        self.amount = amount  # cents
        self.email = email
        self.created = created
        self.status = PENDING
        self.idop = None
        self.finished = None  # when the final state was recorded
        self.transaction_time = None  # PayFiP's dattrans/heurtrans
        self.authorisation = ""  # PayFiP's numauto
        self.failure = ""  # PayFiP's error code, or "indisponible"
        self.receipt_sent = None

    @property
    def final(self) -> bool:
        return self.status != PENDING

    def finish(self, status: str, when: datetime, **details) -> bool:
        """Record the final state; False (nothing written) when the payment already has one."""
        if status not in STATUSES or status == PENDING:
            raise ValueError(status)
        if self.final:
            return False
        self.status = status
        self.finished = when
        for name, value in details.items():
            setattr(self, name, value)
        return True


class Payments(Persistent):
    def __init__(self):
        self.items = OOBTree()  # key (creation time + random part) -> Payment
        self.by_idop = OOBTree()  # idOp -> key


def store_of(form, create: bool = False) -> Payments | None:
    annotations = IAnnotations(form)
    store = annotations.get(KEY)
    if store is None and create:
        store = annotations[KEY] = Payments()
    return store


def new_payment(form, reference: str, amount: int, email: str, now=None) -> Payment:
    """A pending payment. Its key sorts by time and cannot be guessed: it is in the return URL."""
    created = now or paris_now()
    store = store_of(form, create=True)
    while True:
        key = f"{created:%Y%m%d%H%M%S}-{secrets.token_urlsafe(12)}"
        payment = Payment(key, reference, amount, email, created)
        if store.items.insert(key, payment):
            return payment


def attach_idop(form, payment: Payment, idop: str) -> None:
    payment.idop = idop
    store_of(form).by_idop[idop] = payment.key


def by_idop(form, idop: str) -> Payment | None:
    store = store_of(form)
    key = store.by_idop.get(idop) if store is not None else None
    return store.items.get(key) if key is not None else None


def get_payment(form, key: str) -> Payment | None:
    store = store_of(form)
    return store.items.get(key) if store is not None else None


def all_payments(form) -> list[Payment]:
    """The form's payments, newest first."""
    store = store_of(form)
    return list(reversed(store.items.values())) if store is not None else []


STATUS_LABELS = {
    PENDING: _("payfip_status_pending", default="Pending"),
    PAID_CARD: _("payfip_status_paid_card", default="Paid by card"),
    PAID_DEBIT: _("payfip_status_paid_debit", default="Paid by direct debit"),
    REFUSED: _("payfip_status_refused", default="Card refused"),
    DEBIT_REFUSED: _("payfip_status_debit_refused", default="Direct debit refused"),
    ABANDONED: _("payfip_status_abandoned", default="Abandoned"),
    FAILED: _("payfip_status_failed", default="Not created"),
    EXPIRED: _("payfip_status_expired", default="Expired"),
}
