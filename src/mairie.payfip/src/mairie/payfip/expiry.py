"""`mairie payfip-expire`: payments PayFiP never concluded are marked expired.

An operation must be opened on PayFiP's payment page within 15 minutes; past
that window and a margin, a payment still pending is asked to PayFiP once
more: a result is recorded (with its receipt), otherwise (no result yet, or
an operation PayFiP no longer knows) the payment is expired. PayFiP
unreachable leaves it pending for the next run, so running twice is safe.
"""

from . import flow
from .client import PayfipError
from .client import PayfipUnavailable
from .payments import all_payments
from .payments import EXPIRED
from .payments import store_of
from datetime import timedelta
from mairie.policy import mailqueue
from mairie.policy.acts.dates import now as paris_now

import transaction


VALIDITY = timedelta(minutes=15)
MARGIN = timedelta(minutes=45)


def expire(form, now=None) -> tuple[int, int]:
    """(payments expired, results recorded) for one form."""
    now = now or paris_now()
    limit = now - VALIDITY - MARGIN
    expired = recorded = 0
    for payment in all_payments(form):
        if payment.final or payment.created > limit:
            continue
        if payment.idop:
            try:
                detail = flow.client().payment_detail(payment.idop)
            except PayfipUnavailable:
                continue
            except PayfipError:
                detail = None
            if detail is not None and flow.record(form, payment, detail, now):
                recorded += 1
                continue
        payment.finish(EXPIRED, now)
        expired += 1
    return expired, recorded


def payment_forms(site):
    """Every payment form of the site that holds payments."""
    for brain in site.portal_catalog.unrestrictedSearchResults(portal_type="mairie.PaymentForm"):
        form = brain._unrestrictedGetObject()
        if store_of(form) is not None:
            yield form


def run(sites, now=None) -> tuple[int, int, int]:
    """(expired, recorded, mails still queued) over the given sites, committed site by site."""
    expired = recorded = waiting = 0
    for site in sites:
        for form in payment_forms(site):
            done = expire(form, now)
            expired += done[0]
            recorded += done[1]
        transaction.commit()
        waiting += mailqueue.flush(site.MailHost)
    return expired, recorded, waiting
