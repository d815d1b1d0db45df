"""Two notifications of one payment at the same time: they conflict, one result, one receipt."""

from .helpers import pending
from datetime import datetime
from mairie.payfip import flow
from mairie.payfip.client import Detail
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
