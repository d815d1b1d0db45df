"""Each identity-document appointment declared to the ANTS, and withdrawn when cancelled.

What the ANTS holds is recorded per booking (pre-application number → the
date declared) in the agenda's annotations. A booking created, cancelled or
moved asks for the difference between that record and what it should be:
delete what is stale, declare what is missing (a move is a delete and a new
declaration, the API has no update). The HTTP calls run after the booking's
transaction is committed (an aborted or retried transaction calls nothing),
and their outcome is recorded in a transaction of its own. What failed stays
pending and ``retry`` (run by ``mairie rdv-reminders``) does it later; what
succeeded is recorded, so it is never sent again.
"""

from .client import ants_client
from .client import AntsUnavailable
from .meeting_point import meeting_point
from BTrees.OOBTree import OOBTree
from datetime import datetime
from datetime import timedelta
from mairie.rdv import logger
from mairie.rdv.bookings import management_url
from mairie.rdv.bookings import store
from typing import NamedTuple
from ZODB.POSException import ConflictError
from zope.annotation.interfaces import IAnnotations
from zope.component.hooks import getSite

import transaction


KEY = "mairie.rdv.ants.declared"
# Statuses whose appointment the ANTS keeps; a cancelled one is withdrawn.
KEPT = ("booked", "honoured", "missed")
ATTEMPTS = 3


class Operation(NamedTuple):
    action: str  # "declare" or "delete"
    application_id: str
    start: datetime


def pending(agenda, booking) -> list[Operation]:
    """The calls that would make the ANTS hold what ``booking`` says."""
    have = _ledger(agenda).get(booking.id, {})
    want = _wanted(booking)
    operations = [
        Operation("delete", number, start)
        for number, start in have.items()
        if want.get(number) != start
    ]
    operations += [
        Operation("declare", number, start)
        for number, start in want.items()
        if have.get(number) != start
    ]
    return operations


def execute(client, point, url: str, operations: list[Operation]) -> list[Operation]:
    """Run the calls; the ones that succeeded. A number whose stale appointment could
    not be deleted is not declared again (it would be a duplicate)."""
    done, stuck = [], set()
    for operation in operations:
        if operation.application_id in stuck:
            continue
        try:
            if operation.action == "delete":
                client.delete(operation.application_id, point.name, point.id, operation.start)
            else:
                client.declare(operation.application_id, point.name, point.id, operation.start, url)
        except AntsUnavailable:
            stuck.add(operation.application_id)
            continue
        done.append(operation)
    return done


def record(agenda, booking, done: list[Operation]) -> None:
    """Write what the ANTS now holds, and ``booking.ants_declared``."""
    ledger = _ledger(agenda, create=True)
    have = dict(ledger.get(booking.id, {}))
    for operation in done:
        if operation.action == "delete":
            if have.get(operation.application_id) == operation.start:
                del have[operation.application_id]
        else:
            have[operation.application_id] = operation.start
        logger.info(
            "ANTS %s %s of booking %s (%s)",
            operation.action,
            operation.application_id,
            booking.id,
            operation.start.isoformat(),
        )
        booking.log(
            "ANTS",
            f"ANTS {operation.action} {operation.application_id} {operation.start.isoformat()}",
        )
    if have:
        ledger[booking.id] = have
    elif booking.id in ledger:
        del ledger[booking.id]
    want = _wanted(booking)
    declared = bool(want) and have == want
    if booking.ants_declared != declared:
        booking.ants_declared = declared


def on_booking_changed(event) -> None:
    """Subscriber of created, cancelled and moved bookings."""
    agenda, booking = event.agenda, event.booking
    operations = pending(agenda, booking)
    if not operations:
        return
    try:
        client = ants_client()
    except AntsUnavailable:
        logger.warning("ANTS not configured: booking %s not declared", booking.id)
        return
    point = meeting_point(getSite())
    url = management_url(agenda, booking)
    transaction.get().addAfterCommitHook(
        _after_commit, args=(client, point, url, operations, agenda, booking)
    )


def retry(agenda, now: datetime) -> int:
    """Do what failed before, for bookings still to come, in the current transaction;
    the number of calls that succeeded."""
    bookings = store(agenda)
    ledger = _ledger(agenda)
    candidates = {
        booking.id: booking for booking in bookings.between(now, now + timedelta(days=3660))
    }
    for booking_id in list(ledger.keys()):
        if booking_id not in candidates:
            booking = bookings.get(booking_id)
            if booking is None or booking.start < now:
                # Purged, or past: the ANTS no longer needs us.
                del ledger[booking_id]
            else:
                candidates[booking_id] = booking
    calls = 0
    client = point = None
    for booking in candidates.values():
        operations = pending(agenda, booking)
        if not operations:
            continue
        if client is None:
            try:
                client = ants_client()
            except AntsUnavailable:
                return 0
            point = meeting_point(getSite())
        done = execute(client, point, management_url(agenda, booking), operations)
        record(agenda, booking, done)
        calls += len(done)
    return calls


def _after_commit(status, client, point, url, operations, agenda, booking):
    if not status:
        return
    done = execute(client, point, url, operations)
    if not done:
        return
    # The request's transaction is over: record in a connection of our own.
    db = agenda._p_jar.db()
    manager = transaction.TransactionManager()
    connection = db.open(transaction_manager=manager)
    try:
        for _attempt in range(ATTEMPTS):
            manager.begin()
            try:
                record(connection.get(agenda._p_oid), connection.get(booking._p_oid), done)
                manager.commit()
                return
            except ConflictError:
                manager.abort()
        logger.error("ANTS calls of booking %s done but not recorded", booking.id)
    finally:
        connection.close()


def _wanted(booking) -> dict:
    if booking.status not in KEPT:
        return {}
    return {number: booking.start for number in booking.application_ids}


def _ledger(agenda, create=False):
    annotations = IAnnotations(agenda)
    if KEY not in annotations:
        if not create:
            return {}
        annotations[KEY] = OOBTree()
    return annotations[KEY]
