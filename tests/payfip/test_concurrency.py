"""Conflicts: two notifications of one payment at once give one result and one receipt; a
conflict while PayFiP creates the operation gives no second operation."""

from .fake import pay
from .helpers import pending
from datetime import datetime
from mairie.payfip import flow
from mairie.payfip.client import Detail
from mairie.payfip.payments import all_payments
from mairie.payfip.payments import by_idop
from mairie.payfip.payments import PAID_CARD
from mairie.policy.acts.dates import PARIS
from ZODB.POSException import ConflictError
from zope.component.hooks import setSite

import threading
import transaction


def test_two_notifications_at_once(site, form, payfip, smtp):
    payment = pending(form, payfip, PARIS.localize(datetime(2026, 3, 12, 10, 0)))
    idop = payment.idop
    transaction.commit()
    detail = Detail(
        idop=idop,
        result="P",
        amount=1250,
        reference=payment.reference,
        email=payment.email,
        authorisation="112233",
        transaction_time=PARIS.localize(datetime(2026, 3, 12, 10, 7)),
        numcli="123456",
        year="2026",
        objet="Cantine scolaire",
        environment="T",
    )
    db = site._p_jar.db()
    path = site.getPhysicalPath()
    both_read = threading.Barrier(2)
    first_committed = threading.Event()
    outcome = {}

    def notification(name, first):
        connection = db.open()
        try:
            portal = connection.root.Application.unrestrictedTraverse(path)
            setSite(portal)
            their_form = portal["cantine"]
            recorded = flow.record(their_form, by_idop(their_form, idop), detail)
            both_read.wait(timeout=10)
            if not first:
                first_committed.wait(timeout=10)
            try:
                transaction.commit()
                outcome[name] = ("committed", recorded)
            except ConflictError:
                transaction.abort()
                # What Zope does next: the same request again, on fresh state.
                recorded = flow.record(their_form, by_idop(their_form, idop), detail)
                transaction.commit()
                outcome[name] = ("retried", recorded)
            finally:
                if first:
                    first_committed.set()
        finally:
            setSite(None)
            connection.close()

    threads = [
        threading.Thread(target=notification, args=("first", True)),
        threading.Thread(target=notification, args=("second", False)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert outcome == {"first": ("committed", True), "second": ("retried", False)}
    transaction.begin()
    assert by_idop(form, idop).status == PAID_CARD
    assert len(smtp.to("jeanne@example.net")) == 1


def test_a_conflict_after_the_creation_makes_no_second_operation(site, form, payfip):
    """Someone else changes the pending payment while PayFiP answers: the idOp is still kept."""
    db = site._p_jar.db()
    path = form.getPhysicalPath()

    def change_the_pending_payment():
        connection = db.open()
        try:
            (payment,) = all_payments(connection.root.Application.unrestrictedTraverse(path))
            payment._p_changed = True
            transaction.commit()
        finally:
            connection.close()

    payfip.on_create = change_the_pending_payment

    response = pay(form.absolute_url())

    assert response.status_code == 303
    assert [operation for operation, _fields in payfip.calls] == ["creerPaiementSecurise"]
    transaction.begin()
    (payment,) = all_payments(form)
    assert payment.idop == "op000001"
    assert by_idop(form, "op000001") is payment
