"""Two-factor login: TOTP (RFC 6238) codes, enrolment, recovery codes, the pending login.

Between the password and the code no session exists: the password step hands
the browser a short-lived token signed with the site's keyring secret, naming
the account; only a valid code for that account turns it into the ``__ac``
cookie. A code is accepted once: the last time step used is stored, and an
older or equal step is refused, so a code seen over a shoulder cannot be
replayed within its 30 seconds.
"""

from .settings import settings
from datetime import datetime
from datetime import UTC
from persistent import Persistent
from plone.keyring.interfaces import IKeyManager
from zope.component import getUtility

import hashlib
import hmac
import pyotp
import secrets
import segno


STEP = 30
DRIFT = 1  # steps accepted either side: a phone's clock a little off
RECOVERY_CODES = 10
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i to misread
TOKEN_LIFETIME = 300  # seconds to type the code after the password


class SecondFactor(Persistent):
    """One account's TOTP secret, its last used step and its hashed recovery codes."""

    def __init__(self, secret):
        self.secret = secret
        self.confirmed = False
        self.last_step = -1
        self.salt = secrets.token_hex(16)
        self.recovery = ()

    def verify(self, code: str, now=None) -> bool:
        code = "".join(code.split())
        if not (code.isdigit() and len(code) == 6):
            return False
        step = int(_timestamp(now) // STEP)
        totp = pyotp.TOTP(self.secret, interval=STEP)
        for candidate in range(step - DRIFT, step + DRIFT + 1):
            if candidate > self.last_step and hmac.compare_digest(totp.at(candidate * STEP), code):
                self.last_step = candidate
                return True
        return False

    def new_recovery_codes(self) -> list[str]:
        """Ten fresh codes, returned once; only their hashes are kept."""
        codes = [
            "-".join("".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(5)) for _ in range(2))
            for _ in range(RECOVERY_CODES)
        ]
        self.recovery = tuple(self._hash(code) for code in codes)
        return codes

    def use_recovery_code(self, code: str) -> bool:
        digest = self._hash(code.strip().casefold())
        for kept in self.recovery:
            if hmac.compare_digest(kept, digest):
                self.recovery = tuple(other for other in self.recovery if other != kept)
                return True
        return False

    def _hash(self, code: str) -> str:
        return hashlib.pbkdf2_hmac("sha256", code.encode(), self.salt.encode(), 20_000).hex()


def required(store, user) -> bool:
    """Whether ``user`` must give a code: by role, by account, or once enrolled."""
    rules = settings()
    record = store.second_factor(user.getId())
    if record is not None and record.confirmed:
        return True
    if user.getUserName() in rules.totp_required_users or user.getId() in (
        rules.totp_required_users
    ):
        return True
    return bool(set(user.getRoles()) & set(rules.totp_required_roles))


def start_enrolment(store, user_id) -> SecondFactor:
    """The account's unconfirmed secret, made on first use (kept while it is being scanned)."""
    record = store.second_factor(user_id)
    if record is None:
        record = SecondFactor(pyotp.random_base32())
        store.set_second_factor(user_id, record)
    return record


def qr_code(record, login: str, issuer: str) -> str:
    """The otpauth URI as an inline SVG, for the authenticator application to scan."""
    uri = pyotp.TOTP(record.secret, interval=STEP).provisioning_uri(name=login, issuer_name=issuer)
    return segno.make(uri, error="m").svg_inline(scale=4, omitsize=False)


def grouped(secret: str) -> str:
    """The secret in groups of four, for those who type it instead of scanning."""
    return " ".join(secret[index : index + 4] for index in range(0, len(secret), 4))


def pending_token(user_id: str, now=None) -> str:
    expires = int(_timestamp(now)) + TOKEN_LIFETIME
    payload = f"{user_id}|{expires}"
    return f"{payload}|{_signature(payload)}"


def pending_user(token: str, now=None) -> str | None:
    """The account a pending token names, if it is genuine and not expired."""
    parts = (token or "").rsplit("|", 2)
    if len(parts) != 3:
        return None
    user_id, expires, signature = parts
    if not (user_id and expires.isdigit()):
        return None
    if not hmac.compare_digest(_signature(f"{user_id}|{expires}"), signature):
        return None
    if int(expires) < _timestamp(now):
        return None
    return user_id


def _signature(payload: str) -> str:
    secret = getUtility(IKeyManager).secret()
    if isinstance(secret, str):
        secret = secret.encode()
    return hmac.new(secret, b"mairie-2fa|" + payload.encode(), hashlib.sha256).hexdigest()


def _timestamp(now) -> float:
    return (now or datetime.now(UTC)).timestamp()
