"""ALTCHA's challenge and verification (its documented proof-of-work protocol, SHA-256).

The server makes a challenge: a random salt (which carries its expiry, as
``?expires=<unix time>``), a secret random number, ``challenge = SHA-256(salt
+ number)`` and ``signature = HMAC-SHA-256(key, challenge)``. The widget finds
the number by trying them all, then sends back, base64-encoded JSON,
``{algorithm, challenge, number, salt, signature}``. The server recomputes
both hashes with its key, checks the expiry, and accepts each solution once.

The key is the commune profile's ``security.captcha_key``; no outside service
is called, so there is no "service down" case to fail open or closed.
"""

from datetime import datetime
from datetime import timedelta
from urllib.parse import parse_qs
from urllib.parse import urlsplit

import base64
import binascii
import hashlib
import hmac
import json
import secrets
import threading


ALGORITHM = "SHA-256"
# About a second of work in a phone's browser (the widget's default is 1e6).
MAX_NUMBER = 100_000
VALIDITY = timedelta(minutes=20)


def challenge(key: str, now: datetime) -> dict:
    expires = int((now + VALIDITY).timestamp())
    salt = f"{secrets.token_hex(12)}?expires={expires}"
    digest = _hash(salt, secrets.randbelow(MAX_NUMBER + 1))
    return {
        "algorithm": ALGORITHM,
        "challenge": digest,
        "maxnumber": MAX_NUMBER,
        "salt": salt,
        "signature": _sign(key, digest),
    }


def verify(key: str, payload: str, now: datetime) -> bool:
    """True for a correct, unexpired solution made with this key, the first time only."""
    try:
        data = json.loads(base64.b64decode(payload, validate=True))
        algorithm, digest = data["algorithm"], data["challenge"]
        number, salt, signature = int(data["number"]), data["salt"], data["signature"]
    except (ValueError, TypeError, KeyError, binascii.Error):
        return False
    if algorithm != ALGORITHM or not all(isinstance(v, str) for v in (digest, salt, signature)):
        return False
    expires = _expires(salt)
    if expires is None or expires <= now.timestamp():
        return False
    if not (
        hmac.compare_digest(_hash(salt, number), digest)
        and hmac.compare_digest(_sign(key, digest), signature)
    ):
        return False
    return _USED.first_use(signature, expires, now.timestamp())


def _hash(salt: str, number: int) -> str:
    return hashlib.sha256(f"{salt}{number}".encode()).hexdigest()


def _sign(key: str, digest: str) -> str:
    return hmac.new(key.encode(), digest.encode(), hashlib.sha256).hexdigest()


def _expires(salt: str) -> int | None:
    values = parse_qs(urlsplit(salt).query).get("expires", [])
    return int(values[0]) if values and values[0].isdigit() else None


class _Used:
    """Solutions already accepted, until they expire (so none is replayed).

    Kept per process: a solution replayed on another process of the same site
    within its 20 minutes would pass; the SVE's rate limit per address still holds.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._expiry = {}

    def first_use(self, signature: str, expires: int, now: float) -> bool:
        with self._lock:
            self._expiry = {sig: when for sig, when in self._expiry.items() if when > now}
            if signature in self._expiry:
                return False
            self._expiry[signature] = expires
            return True


_USED = _Used()
