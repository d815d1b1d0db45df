"""Lockout after repeated failures, per account and per address, and its release."""

from .accounts import accounts
from .accounts import fr
from .accounts import login
from .accounts import PASSWORD
from .accounts import set_rules
from .accounts import text
from datetime import datetime
from datetime import timedelta
from freezegun import freeze_time
from mairie.policy.accounts import lockout

import pytest


# 01:50 in Paris on the night clocks go forward (02:00 -> 03:00): a lockout of
# 15 minutes ends at 03:05, Paris time.
BEFORE_DST = datetime.fromisoformat("2026-03-29T00:50:00+00:00")


@pytest.fixture
def rules(site):
    set_rules(
        lockout_account_attempts=3,
        lockout_address_attempts=5,
        lockout_window=10,
        lockout_duration=15,
    )


def test_account_locked_after_n_failures_then_released(site, rules, smtp, caplog):
    with freeze_time(BEFORE_DST) as clock:
        for _attempt in range(3):
            login(site, "agent", "mauvais mot de passe")
            clock.tick(10)
        session, response = login(site, "agent", PASSWORD)
        assert "__ac" not in session.cookies
        until = BEFORE_DST + timedelta(seconds=20, minutes=15)
        assert fr(lockout.refusal(until)) in text(response)
        assert "3\u00a0h\u00a005" in fr(lockout.refusal(until))
        assert "locked until" in caplog.text
        # Still locked, more failures: the owner got one mail for this lockout.
        login(site, "agent", "encore faux")
        mails = smtp.to("agent@example.net")
        assert len(mails) == 1
        assert "3\u00a0h\u00a005" in mails[0].body

        clock.move_to(until + timedelta(seconds=1))
        session, response = login(site, "agent", PASSWORD)
        assert "__ac" in session.cookies
        assert accounts().attempts(lockout.account_key("agent")) is None


def test_failures_out_of_the_window_do_not_add_up(site, rules):
    with freeze_time(BEFORE_DST) as clock:
        for _attempt in range(2):
            login(site, "agent", "mauvais mot de passe")
        clock.tick(11 * 60)
        login(site, "agent", "mauvais mot de passe")
        session, _response = login(site, "agent", PASSWORD)
        assert "__ac" in session.cookies


def test_address_locked_after_failures_on_several_accounts(site, rules):
    with freeze_time(BEFORE_DST) as clock:
        for name in ("inconnu", "personne", "admin", "root", "agent2"):
            login(site, name, "mauvais mot de passe")
        session, response = login(site, "agent", PASSWORD)
        assert "__ac" not in session.cookies
        assert "3\u00a0h\u00a005" in text(response)
        assert accounts().attempts(lockout.account_key("agent")) is None

        clock.tick(16 * 60)
        session, response = login(site, "agent", PASSWORD)
        assert "__ac" in session.cookies


def test_basic_auth_failures_count_too(site, rules):
    import requests

    url = f"{site.absolute_url()}/@@overview-controlpanel"
    with freeze_time(BEFORE_DST):
        for _attempt in range(3):
            answer = requests.get(url, auth=("agent", "faux"), timeout=30, allow_redirects=False)
            assert answer.status_code in (302, 401)
        assert accounts().attempts(lockout.account_key("agent")).locked_until > 0
        session, _response = login(site, "agent", PASSWORD)
        assert "__ac" not in session.cookies


def test_codes_count_as_failures(site, rules):
    from .accounts import second_factor

    with freeze_time(BEFORE_DST):
        session, response = login(site, "maire", PASSWORD)
        page = text(response)
        for _attempt in range(3):
            second_factor(site, session, page, "000000")
        answer = second_factor(site, session, page, "000000")
        assert "3\u00a0h\u00a005" in text(answer)
