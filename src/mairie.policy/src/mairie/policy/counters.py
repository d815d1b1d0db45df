"""Counters in the database, each change committed at once in a transaction of its own.

What the Zope instances of one deployment must count together: the failed
logins (accounts.lockout), the public forms' submissions per visitor's address
(the SVE's requests, the appointments) and the captcha answers already used.
They are in the database the instances share (under RelStorage an instance sees
another's commit at once), and ``apart`` writes them on a connection of its
own, committed before the request goes on: a count holds whatever the request
does next, and a request that ends in an error still counts.

``take`` checks a limit and counts the hit in that one transaction. Two
requests racing on one key write the same BTree entry, so they conflict and
the loser is retried: it then sees the winner's hit. Different keys merge in
the BTree's buckets: visitors do not wait for one another. A refused hit is
not written (a robot past its limit costs no write and does not extend its own
ban); ``hit`` also gives the hit back if the request's transaction does not
commit, so that only what was stored is counted, once, even when Zope replays
a request after a conflict.

The limits and the used answers are kept per commune, in the site's
annotations (created at first use). An entry holds the end time of each of its
hits, nothing else, and goes when they are over; every minute the ended
entries of all keys are swept: nothing tells who sent what beyond the window.

Failures are closed: when the store cannot be read or written (conflicts that
keep losing, a missing object, a read-only database...), ``take`` and ``hit``
log it and raise ``CountersUnavailable``, and the caller refuses politely.
"""

from BTrees.OOBTree import OOBTree
from mairie.policy import _
from mairie.policy import logger
from mairie.policy.interfaces import CountersUnavailable
from persistent import Persistent
from zope.annotation.interfaces import IAnnotations

import time
import transaction


ANNOTATION = "mairie.policy.counters"
# Requests racing on one key are retried one after another: room for a burst.
ATTEMPTS = 30
SWEEP_EVERY = 60.0  # seconds

UNAVAILABLE = _(
    "error_counters_unavailable",
    default="The service is temporarily unavailable. Please try again in a few minutes.",
)


class Counters(Persistent):
    """The end times of the counted hits, per (scope, key), of one site."""

    def __init__(self):
        self.ends = OOBTree()
        self.swept = 0.0

    def sweep(self, now: float) -> None:
        if now - self.swept < SWEEP_EVERY:
            return
        for entry, ends in list(self.ends.items()):
            if not ends or ends[-1] <= now:
                del self.ends[entry]
        self.swept = now


def apart(obj, change, attempts: int = 3):
    """``change(copy)`` of a persistent ``obj``, on a connection of its own, committed now.

    A conflict runs ``change`` again on fresh data, up to ``attempts`` times; any
    other failure is raised. Returns what the last ``change`` returned.
    """
    if obj._p_jar is None:
        return change(obj)
    db, oid = obj._p_jar.db(), obj._p_oid
    manager = transaction.TransactionManager()
    connection = db.open(transaction_manager=manager)
    try:
        for attempt in manager.attempts(attempts):
            with attempt:
                result = change(connection.get(oid))
        return result
    finally:
        connection.close()


def take(site, scope: str, key: str, limit: int, window: float, now: float | None = None):
    """Count one hit of ``key`` in ``scope`` for ``window`` seconds, if fewer than
    ``limit`` are counted; its end time (to give it back), or None when refused."""
    now = time.time() if now is None else now
    end = now + window

    def change(copy):
        counters = IAnnotations(copy).get(ANNOTATION)
        ends = _running(counters, scope, key, now)
        if len(ends) >= limit:
            return None
        if counters is None:
            counters = IAnnotations(copy)[ANNOTATION] = Counters()
        counters.sweep(now)
        counters.ends[(scope, key)] = tuple(sorted((*ends, end)))
        return end

    try:
        return apart(site, change, ATTEMPTS)
    except Exception as error:
        logger.exception("Counters of %s unavailable: the request is refused", scope)
        raise CountersUnavailable(scope) from error


def give_back(site, scope: str, key: str, end: float) -> None:
    """Uncount the hit that ends at ``end``: what it counted did not happen.

    A failure is logged and the hit stays counted until it ends (closed, again).
    """

    def change(copy):
        counters = IAnnotations(copy).get(ANNOTATION)
        ends = list(counters.ends.get((scope, key), ())) if counters is not None else []
        if end not in ends:
            return
        ends.remove(end)
        if ends:
            counters.ends[(scope, key)] = tuple(ends)
        else:
            del counters.ends[(scope, key)]

    try:
        apart(site, change, ATTEMPTS)
    except Exception:
        logger.exception("A hit of %s could not be given back: it stays counted", scope)


def hit(site, scope: str, key: str, limit: int, window: float) -> bool:
    """``take`` a hit that counts only if the current transaction commits.

    Given back when the transaction aborts or fails to commit (Zope then
    replays the request, which takes its hit again).
    """
    end = take(site, scope, key, limit, window)
    if end is None:
        return False
    done = []

    def undo(*_status):
        if not done:
            done.append(True)
            give_back(site, scope, key, end)

    current = transaction.get()
    current.addAfterCommitHook(lambda committed: committed or undo())
    current.addAfterAbortHook(undo)
    return True


def _running(counters, scope, key, now) -> tuple:
    ends = counters.ends.get((scope, key), ()) if counters is not None else ()
    return tuple(end for end in ends if end > now)
