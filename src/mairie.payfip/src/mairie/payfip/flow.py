"""The payment flow with PayFiP: start a payment, record its result once.

The views (payment form, notification, return page) and the expiry command
call these functions; they hold no protocol logic of their own.
"""

from . import mails
from .client import NOT_YET_KNOWN
from .client import PayfipClient
from .client import PayfipError
from .client import PayfipUnavailable
from .interfaces import IPayfipSettings
from .payments import attach_idop
from .payments import by_idop
from .payments import FAILED
from .payments import new_payment
from .payments import PAID
from .payments import RESULTS
from mairie.payfip import logger
from mairie.policy.acts.dates import now as paris_now
from plone.registry.interfaces import IRegistry
from urllib.parse import urlencode
from ZODB.POSException import ConflictError
from zope.component import getUtility

import transaction


UNAVAILABLE = "indisponible"
IDOP_ATTEMPTS = 5


def settings():
    return getUtility(IRegistry).forInterface(IPayfipSettings, prefix="mairie.payfip")


def client() -> PayfipClient:
    return PayfipClient(settings().service_url)


def is_configured() -> bool:
    return bool(settings().numcli)


def start(form, reference: str, amount: int, email: str):
    """Record the payment, then ask PayFiP for its operation; the payment, with its idOp.

    The pending payment is committed before PayFiP is called, so that an
    operation PayFiP created is never without its record, even if this
    request dies afterwards. A refusal or an unavailable PayFiP marks the
    payment failed and is raised for the view to explain.
    """
    payment = new_payment(form, reference, amount, email)
    transaction.commit()
    config = settings()
    url = form.absolute_url()
    try:
        idop = client().create_payment(
            numcli=config.numcli,
            year=payment.created.year,
            reference=reference,
            amount=amount,
            email=email,
            objet=form.objet,
            environment=config.environment,
            notification_url=f"{url}/@@payfip-notification",
            return_url=f"{url}/@@paiement-resultat?{urlencode({'paiement': payment.key})}",
        )
    except PayfipError as error:
        logger.warning("PayFiP refused to create %s: %s %s", payment.key, error.code, error.label)
        payment.finish(FAILED, paris_now(), failure=error.code)
        raise
    except PayfipUnavailable as error:
        logger.error("PayFiP unavailable to create %s: %s", payment.key, error)
        payment.finish(FAILED, paris_now(), failure=UNAVAILABLE)
        raise
    keep_idop(form, payment, idop)
    return payment


def keep_idop(form, payment, idop: str) -> None:
    """Commit the idOp at once, again after a conflict.

    Left to the end of the request, a conflict there would make Zope run the
    whole request again: a second payment and a second PayFiP operation.
    """
    for attempt in range(IDOP_ATTEMPTS):
        attach_idop(form, payment, idop)
        try:
            transaction.commit()
            return
        except ConflictError:
            transaction.abort()
            if attempt == IDOP_ATTEMPTS - 1:
                raise


def payment_page(idop: str) -> str:
    return f"{settings().payment_page_url}?{urlencode({'idop': idop})}"


def notify(form, idop: str) -> None:
    """PayFiP's notification: only the idOp is trusted, and checked with PayFiP.

    Raises PayfipUnavailable (nothing written) when PayFiP cannot be asked.
    """
    payment = by_idop(form, idop)
    if payment is None:
        logger.warning(
            "PayFiP notification for an unknown operation %r on %s", idop, form.absolute_url_path()
        )
        return
    if not payment.final:
        refresh(form, payment)


def refresh(form, payment, now=None) -> bool:
    """Ask PayFiP for the payment's result and record it; True if it was recorded now."""
    try:
        detail = client().payment_detail(payment.idop)
    except PayfipError as error:
        if error.code != NOT_YET_KNOWN:
            logger.warning("PayFiP detail of %s: %s %s", payment.idop, error.code, error.label)
        return False
    return record(form, payment, detail, now)


def record(form, payment, detail, now=None) -> bool:
    """Record PayFiP's result once, and queue the receipt of a paid bill with it."""
    status = RESULTS.get(detail.result)
    if status is None or detail.amount != payment.amount:
        logger.error(
            "PayFiP detail of %s not recorded: result %r, amount %s (expected %s)",
            payment.idop,
            detail.result,
            detail.amount,
            payment.amount,
        )
        return False
    recorded = payment.finish(
        status,
        now or paris_now(),
        transaction_time=detail.transaction_time,
        authorisation=detail.authorisation,
    )
    if recorded and status in PAID:
        mails.send_receipt(form, payment, now)
    return recorded
