"""ALTCHA's protocol: a solved challenge passes until it expires; anything else fails."""

from .solver import solve
from datetime import datetime
from datetime import timedelta
from datetime import UTC
from freezegun import freeze_time
from mairie.policy.captcha import altcha

import base64
import json
import pytest


KEY = "une-clé-de-démonstration-assez-longue"
NOW = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)


def _payload(**changes):
    data = json.loads(base64.b64decode(solve(altcha.challenge(KEY, NOW))))
    data.update(changes)
    return base64.b64encode(json.dumps(data).encode()).decode()


def test_a_solution_passes_with_its_signature_and_expiry():
    challenge = altcha.challenge(KEY, NOW)
    solution = altcha.verify(KEY, solve(challenge), NOW + timedelta(seconds=5))
    # What the field remembers to accept it once (see test_form and test_counters).
    assert solution == (challenge["signature"], int((NOW + altcha.VALIDITY).timestamp()))


def test_the_challenge_is_signed_with_the_key():
    assert not altcha.verify("une-autre-clé", solve(altcha.challenge(KEY, NOW)), NOW)


def test_a_solution_expires_after_twenty_minutes():
    payload = solve(altcha.challenge(KEY, NOW))
    assert not altcha.verify(KEY, payload, NOW + timedelta(minutes=20))


def test_expiry_is_exact_across_the_change_to_winter_time():
    # 25 October 2026, 02:50 summer time (00:50 UTC); clocks go back at 03:00.
    made = datetime(2026, 10, 25, 0, 50, tzinfo=UTC)
    with freeze_time(made):
        payload = solve(altcha.challenge(KEY, made))
    assert altcha.verify(KEY, payload, made + timedelta(minutes=19, seconds=59))


@pytest.mark.parametrize(
    "changes",
    [
        {"number": -1},
        {"signature": "0" * 64},
        {"challenge": "0" * 64},
        {"algorithm": "SHA-1"},
        {"salt": "abc"},  # no expiry
    ],
)
def test_a_tampered_solution_fails(changes):
    assert not altcha.verify(KEY, _payload(**changes), NOW)


@pytest.mark.parametrize("payload", ["", "pas du base64 !", base64.b64encode(b"[1, 2]").decode()])
def test_garbage_fails(payload):
    assert not altcha.verify(KEY, payload, NOW)
