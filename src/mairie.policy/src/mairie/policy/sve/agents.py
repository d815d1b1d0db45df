"""What agents do with a form's requests: filter, change status, erase, purge, acknowledge."""

from . import mails
from .action import ISveAction
from .action import SveAction
from .deadlines import add_working_days
from .deadlines import receipt_deadline
from .records import all_requests
from .records import delete_requests
from .records import RECEIVED
from .records import requests_of
from .records import stamp
from .records import STATUSES
from collective.easyform.api import get_actions
from collective.easyform.api import get_schema
from dateutil.relativedelta import relativedelta
from mairie.policy import logger
from zope.schema import getFieldsInOrder

import hashlib


# The daily command sends a pending acknowledgement of receipt this many
# working days before the legal deadline, so a missed run still leaves time.
RECEIPT_MARGIN = 3


def sve_action(form, enabled=True):
    """The form's SVE action (only if switched on, unless ``enabled`` is false), or None."""
    for _name, action in getFieldsInOrder(get_actions(form)):
        if ISveAction.providedBy(action) and (action.required or not enabled):
            return action
    return None


def settings(form):
    """The settings that apply to requests already stored, even with the action off or gone."""
    return sve_action(form, enabled=False) or SveAction()


def search(form, status: str = "", text: str = "") -> list:
    """The form's requests, newest first, with the status and words asked for."""
    words = text.casefold().split()
    schema = get_schema(form)
    found = []
    for record in all_requests(form):
        if status and record.status != status:
            continue
        if words:
            haystack = " ".join(
                [
                    record.number,
                    record.email,
                    *(mails.as_text(v, schema.get(k)) for k, v in record.data.items()),
                ]
            ).casefold()
            if not all(word in haystack for word in words):
                continue
        found.append(record)
    return found


def change_status(form, record, status: str, who: str, now=None) -> None:
    """Record the new status in the history; taking a request up sends a pending receipt."""
    if status not in STATUSES:
        raise ValueError(status)
    record.set_status(status, who, stamp(now))
    if status != RECEIVED and record.receipt_sent is None:
        send_receipt(form, record, now)


def send_receipt(form, record, now=None) -> None:
    mails.send([mails.receipt(form, settings(form), record)])
    record.receipt_sent = stamp(now)


def send_due_receipts(form, today=None) -> int:
    """Send the receipts still pending whose legal deadline comes within the margin."""
    today = today or stamp().date()
    horizon = add_working_days(today, RECEIPT_MARGIN)
    sent = 0
    for record in all_requests(form):
        if record.receipt_sent is None and receipt_deadline(record.received.date()) <= horizon:
            send_receipt(form, record)
            sent += 1
    return sent


def purge_expired(form, now=None) -> int:
    """Delete the requests older than the form's retention period."""
    limit = stamp(now) - relativedelta(months=settings(form).retention_months)
    expired = [record.number for record in all_requests(form) if record.received < limit]
    return delete_requests(form, expired)


def requests_of_email(form, email: str) -> list:
    wanted = email.strip().casefold()
    return [record for record in all_requests(form) if record.email.strip().casefold() == wanted]


def erase_email(form, email: str, who: str) -> int:
    """Erase every request of one address (right to erasure); the log keeps no address."""
    numbers = [record.number for record in requests_of_email(form, email)]
    count = delete_requests(form, numbers)
    digest = hashlib.sha256(email.strip().casefold().encode()).hexdigest()[:12]
    logger.info(
        "SVE: %s erased %d request(s) of one address (sha256 %s) in %s",
        who,
        count,
        digest,
        "/".join(form.getPhysicalPath()),
    )
    return count


def forms_with_requests(site):
    """Every EasyForm of the site that holds requests, whatever its action's state."""
    for brain in site.portal_catalog.unrestrictedSearchResults(portal_type="EasyForm"):
        form = brain._unrestrictedGetObject()
        if requests_of(form) is not None:
            yield form
