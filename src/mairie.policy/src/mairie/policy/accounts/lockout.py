"""Failed logins per account and per address, and the lockouts they cause.

The counts live in the PAS plugin's own BTree (see plugin.py), so every Zope
instance on the database sees them. Each key holds an ``Attempts`` record whose
conflict resolution merges two concurrent failures instead of raising a
ConflictError: a burst of wrong passwords on one account adds up, it does not
turn into retries. Failures are written in a transaction of their own
(mairie.policy.counters.apart, as the public forms' limits are), so a request
that ends in an error (a 401 for a wrong Basic password) still counts.
"""

from .mails import mail_owner
from .settings import settings
from datetime import datetime
from datetime import UTC
from mairie.policy import _
from mairie.policy import logger
from mairie.policy.acts.dates import long_date
from mairie.policy.acts.dates import paris_time
from mairie.policy.hours.schedule import french_time
from persistent import Persistent


KEEP = 50  # failures remembered per key: more than any sensible threshold


class Attempts(Persistent):
    """Recent failures of one key (timestamps) and the end of its lockout."""

    def __init__(self):
        self.failures = ()
        self.locked_until = 0.0

    def _p_resolveConflict(self, old, saved, new):
        merged = dict(new)
        merged["failures"] = tuple(
            sorted(set(saved.get("failures", ())) | set(new.get("failures", ())))
        )[-KEEP:]
        merged["locked_until"] = max(saved.get("locked_until", 0.0), new.get("locked_until", 0.0))
        return merged


def account_key(login: str) -> str:
    return "account:" + (login or "").strip().casefold()


def address_key(address: str) -> str:
    return "address:" + address


def locked_until(store, login, address, now=None):
    """The end of the lockout of this account or address (aware UTC), or None."""
    now = _timestamp(now)
    ends = [
        attempts.locked_until
        for attempts in (store.attempts(account_key(login)), store.attempts(address_key(address)))
        if attempts is not None and attempts.locked_until > now
    ]
    return datetime.fromtimestamp(max(ends), UTC) if ends else None


def record_failure(store, login, address, user=None, now=None) -> None:
    """Count one failed login; past a threshold, lock the account or the address."""
    rules = settings()
    now = _timestamp(now)
    window = rules.lockout_window * 60
    until = now + rules.lockout_duration * 60
    thresholds = (
        (account_key(login), rules.lockout_account_attempts),
        (address_key(address), rules.lockout_address_attempts),
    )
    newly_locked = []

    def change(apart):
        newly_locked.clear()
        for key, limit in thresholds:
            attempts = apart.attempts(key, create=True)
            failures = tuple(t for t in attempts.failures if t > now - window) + (now,)
            attempts.failures = failures[-KEEP:]
            if len(failures) >= limit and attempts.locked_until <= now:
                attempts.locked_until = until
                newly_locked.append(key)

    store.write_apart(change)
    end = datetime.fromtimestamp(until, UTC)
    for key in newly_locked:
        logger.warning("Login locked until %s for %s after repeated failures", end, key)
    if account_key(login) in newly_locked and user is not None:
        _mail_owner(user, end)


def forget_account(store, login) -> None:
    """A successful login wipes the account's failures (not the address's)."""
    if store.attempts(account_key(login)) is not None:
        store.write_apart(lambda apart: apart.forget(account_key(login)))


def refusal(until):
    return _(
        "login_locked",
        default="Too many failed attempts: logging in is suspended until ${time}. "
        "Wait until then and try again; if you forgot your password, ask for a new one.",
        mapping={"time": french_time(paris_time(until).time())},
    )


def _mail_owner(user, until) -> None:
    """Once per lockout: only the failure that starts it calls this."""
    mail_owner(
        user,
        _("mail_login_locked_subject", default="Your account is temporarily locked"),
        _(
            "mail_login_locked_body",
            default="Several wrong passwords or codes were typed for your account “${login}” "
            "on ${site}. Logging in is suspended until ${time}.\n\nIf it was not you, "
            "someone may be trying to guess your password: tell the town hall's administrator.",
        ),
        time=f"{long_date(paris_time(until))}, {french_time(paris_time(until).time())}",
    )


def _timestamp(now) -> float:
    return (now or datetime.now(UTC)).timestamp()
