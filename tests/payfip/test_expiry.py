"""`mairie payfip-expire`: pending payments past PayFiP's window, asked once more, then expired."""

from .helpers import pending
from datetime import datetime
from freezegun import freeze_time
from mairie.payfip import expiry
from mairie.payfip import payments
from mairie.payfip.payments import all_payments
from mairie.policy.acts.dates import PARIS

import transaction


def paris(*args):
    return PARIS.localize(datetime(*args))


def statuses(form):
    transaction.begin()
    return {payment.idop: payment.status for payment in all_payments(form)}


def test_expiry(site, form, payfip, smtp):
    created = paris(2026, 3, 12, 10, 0)
    no_result = pending(form, payfip, created)  # PayFiP: P5
    paid = pending(form, payfip, created, result="P")
    purged = pending(form, payfip, created)
    payfip.results.pop(purged.idop)
    payfip.operations.pop(purged.idop)  # PayFiP: P1
    recent = pending(form, payfip, paris(2026, 3, 12, 10, 30))
    never_created = pending(form, payfip, created, with_idop=False)
    transaction.commit()

    with freeze_time("2026-03-12 10:59:00+01:00"):  # 59 minutes: within the margin
        assert expiry.run([site]) == (0, 0, 0)

    with freeze_time("2026-03-12 11:01:00+01:00"):
        assert expiry.run([site]) == (3, 1, 0)

    found = statuses(form)
    assert found[no_result.idop] == payments.EXPIRED
    assert found[paid.idop] == payments.PAID_CARD
    assert found[purged.idop] == payments.EXPIRED
    assert found[recent.idop] == payments.PENDING
    assert found[None] == payments.EXPIRED  # never_created
    assert never_created.key
    assert len(smtp.to("jeanne@example.net")) == 1

    with freeze_time("2026-03-12 11:02:00+01:00"):  # again: nothing to do
        assert expiry.run([site]) == (0, 0, 0)
    assert len(smtp.to("jeanne@example.net")) == 1


def test_expiry_across_the_change_to_summer_time(site, form, payfip):
    """01:30 (UTC+1) to 03:10 (UTC+2) on 29 March 2026 is 40 minutes, not 1 h 40."""
    payment = pending(form, payfip, paris(2026, 3, 29, 1, 30))
    transaction.commit()

    with freeze_time("2026-03-29 03:10:00+02:00"):
        assert expiry.run([site]) == (0, 0, 0)
    assert statuses(form)[payment.idop] == payments.PENDING

    with freeze_time("2026-03-29 03:31:00+02:00"):
        assert expiry.run([site]) == (1, 0, 0)
    assert statuses(form)[payment.idop] == payments.EXPIRED


def test_payfip_down_leaves_payments_pending(site, form, payfip, httpserver):
    payment = pending(form, payfip, paris(2026, 3, 12, 10, 0))
    transaction.commit()
    httpserver.stop()
    try:
        with freeze_time("2026-03-12 12:00:00+01:00"):
            assert expiry.run([site]) == (0, 0, 0)
    finally:
        httpserver.start()
    assert statuses(form)[payment.idop] == payments.PENDING
