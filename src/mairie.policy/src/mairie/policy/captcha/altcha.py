"""ALTCHA's challenge and verification (its documented proof-of-work protocol, SHA-256).

The server makes a challenge: a random salt (which carries its expiry, as
``?expires=<unix time>``), a secret random number, ``challenge = SHA-256(salt
+ number)`` and ``signature = HMAC-SHA-256(key, challenge)``. The widget finds
the number by trying them all, then sends back, base64-encoded JSON,
``{algorithm, challenge, number, salt, signature}``. The server recomputes
both hashes with its key and checks the expiry. That each solution is accepted
once only is the field's business (mairie.policy.captcha.field): it remembers
the used ones in the database, for every instance.

The key is the commune profile's ``security.captcha_key``; no outside service
is called.
"""

from datetime import datetime
from datetime import timedelta
from typing import NamedTuple
from urllib.parse import parse_qs
from urllib.parse import urlsplit

import base64
import binascii
import hashlib
import hmac
import json
import secrets


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


class Solution(NamedTuple):
    signature: str  # the challenge's: what tells one solution from another
    expires: int  # unix time


def verify(key: str, payload: str, now: datetime) -> Solution | None:
    """The solution, if it is correct, unexpired and made with this key."""
    try:
        data = json.loads(base64.b64decode(payload, validate=True))
        algorithm, digest = data["algorithm"], data["challenge"]
        number, salt, signature = int(data["number"]), data["salt"], data["signature"]
    except (ValueError, TypeError, KeyError, binascii.Error):
        return None
    if algorithm != ALGORITHM or not all(isinstance(v, str) for v in (digest, salt, signature)):
        return None
    expires = _expires(salt)
    if expires is None or expires <= now.timestamp():
        return None
    if not (
        hmac.compare_digest(_hash(salt, number), digest)
        and hmac.compare_digest(_sign(key, digest), signature)
    ):
        return None
    return Solution(signature, expires)


def _hash(salt: str, number: int) -> str:
    return hashlib.sha256(f"{salt}{number}".encode()).hexdigest()


def _sign(key: str, digest: str) -> str:
    return hmac.new(key.encode(), digest.encode(), hashlib.sha256).hexdigest()


def _expires(salt: str) -> int | None:
    values = parse_qs(urlsplit(salt).query).get("expires", [])
    return int(values[0]) if values and values[0].isdigit() else None
