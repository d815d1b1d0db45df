"""Two-factor login through the real login form and the functional WSGI server."""

from .accounts import accounts
from .accounts import login
from .accounts import PASSWORD
from .accounts import second_factor
from .accounts import set_rules
from .accounts import text

import pyotp
import re
import requests


def code_now(user_id="maire"):
    return pyotp.TOTP(accounts().second_factor(user_id).secret).now()


def test_a_member_gets_a_session_with_the_password_alone(site):
    session, response = login(site, "agent", PASSWORD)
    assert response.ok
    assert "__ac" in session.cookies


def test_an_administrator_enrols_before_getting_a_session(site):
    session, response = login(site, "maire", PASSWORD)
    assert response.ok
    assert "__ac" not in session.cookies
    assert "Set-Cookie" not in response.headers or "__ac=" not in response.headers["Set-Cookie"]
    page = text(response)
    assert "<svg" in page
    secret = accounts().second_factor("maire").secret
    assert " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)) in page

    wrong = second_factor(site, session, page, "000000")
    assert "__ac" not in session.cookies
    assert "<svg" in text(wrong)

    confirmed = second_factor(site, session, page, code_now())
    assert "__ac" in session.cookies
    codes = re.findall(r"<code>([a-z2-9]{5}-[a-z2-9]{5})</code>", text(confirmed))
    assert len(codes) == 10
    record = accounts().second_factor("maire")
    assert record.confirmed
    assert codes[0] not in repr(record.recovery)
    # Logged in: the back-office answers as the mayor.
    assert session.get(f"{site.absolute_url()}/@@overview-controlpanel", timeout=30).ok


def enrolled(site):
    session, response = login(site, "maire", PASSWORD)
    confirmed = second_factor(site, session, text(response), code_now())
    used = code_now()
    return re.findall(r"<code>([a-z2-9]{5}-[a-z2-9]{5})</code>", text(confirmed)), used


def test_code_step_refuses_wrong_and_replayed_codes(site):
    codes, used = enrolled(site)
    session, response = login(site, "maire", PASSWORD)
    page = text(response)
    assert "__ac" not in session.cookies
    assert "<svg" not in page  # enrolled: only the code is asked
    for refused in ("123456", used, "pas-un-code"):
        answer = second_factor(site, session, page, refused)
        assert answer.ok
        assert "__ac" not in session.cookies
        assert 'role="alert"' in answer.text


def test_a_recovery_code_works_once(site):
    codes, used = enrolled(site)
    session, response = login(site, "maire", PASSWORD)
    second_factor(site, session, text(response), codes[3].upper())
    assert "__ac" in session.cookies
    assert len(accounts().second_factor("maire").recovery) == 9

    again, response = login(site, "maire", PASSWORD)
    second_factor(site, again, text(response), codes[3])
    assert "__ac" not in again.cookies


def test_a_forged_or_stale_token_is_refused(site):
    session, response = login(site, "maire", PASSWORD)
    page = text(response).replace('value="maire|', 'value="agent|')
    answer = second_factor(site, session, page, code_now())
    assert "__ac" not in session.cookies
    assert 'name="__ac_password"' in answer.text


def test_password_alone_opens_nothing_elsewhere(site):
    """Credentials posted to any page, or sent as HTTP Basic, do not skip the code."""
    url = f"{site.absolute_url()}/@@overview-controlpanel"
    import requests

    basic = requests.get(url, auth=("maire", PASSWORD), timeout=30, allow_redirects=False)
    assert basic.status_code in (302, 401)
    posted = requests.post(
        url,
        data={"__ac_name": "maire", "__ac_password": PASSWORD},
        timeout=30,
        allow_redirects=False,
    )
    assert posted.status_code in (302, 401)
    # Without the requirement, the same credentials open the page.
    set_rules(totp_required_roles=())
    assert requests.get(url, auth=("maire", PASSWORD), timeout=30).ok


def test_a_member_turns_it_on_from_their_own_page(site):
    session, _response = login(site, "agent", PASSWORD)
    url = f"{site.absolute_url()}/@@double-authentification"
    page = session.get(url, timeout=30).text
    assert "<svg" in page
    token = re.search(r'name="_authenticator" value="([^"]+)"', page).group(1)
    wrong = session.post(url, data={"_authenticator": token, "mairie_2fa_code": "000000"})
    assert 'role="alert"' in wrong.text
    assert accounts().second_factor("agent").secret in wrong.text.replace(" ", "")
    done = session.post(
        url, data={"_authenticator": token, "mairie_2fa_code": code_now("agent")}, timeout=30
    )
    assert len(re.findall(r"<code>[a-z2-9]{5}-[a-z2-9]{5}</code>", done.text)) == 10
    # From now on the password alone is not enough for this account either.
    again, _response = login(site, "agent", PASSWORD)
    assert "__ac" not in again.cookies


def test_an_administrator_resets_a_lost_second_factor(site):
    from plone.app.testing import SITE_OWNER_NAME
    from plone.app.testing import SITE_OWNER_PASSWORD

    import requests

    enrolled(site)
    manager = requests.Session()
    manager.auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    page = manager.get(f"{site.absolute_url()}/@@droits-des-comptes", timeout=30).text
    assert "Marie Maire" in page
    token = re.search(r'name="_authenticator" value="([^"]+)"', page).group(1)
    url = f"{site.absolute_url()}/@@reinitialiser-double-authentification"
    assert manager.get(url, params={"userid": "maire"}, timeout=30).status_code == 403
    assert manager.post(url, data={"userid": "maire"}, timeout=30).status_code == 403
    assert accounts().second_factor("maire") is not None
    manager.post(url, data={"userid": "maire", "_authenticator": token}, timeout=30)
    assert accounts().second_factor("maire") is None
    _session, response = login(site, "maire", PASSWORD)
    assert "<svg" in response.text


def test_the_code_must_follow_the_password_within_five_minutes(site):
    from datetime import datetime
    from datetime import timedelta
    from freezegun import freeze_time

    start = datetime.fromisoformat("2027-06-01T08:00:00+00:00")
    with freeze_time(start) as clock:
        session, response = login(site, "maire", PASSWORD)
        clock.move_to(start + timedelta(minutes=5, seconds=1))
        answer = second_factor(site, session, text(response), code_now())
        assert "__ac" not in session.cookies
        assert 'name="__ac_password"' in answer.text


def test_the_agency_account_is_told_its_second_factor_is_not_set_here(site):
    """A Zope-root account is no member of the commune: the page says so, no traceback."""
    from plone.app.testing import SITE_OWNER_NAME
    from plone.app.testing import SITE_OWNER_PASSWORD

    url = f"{site.absolute_url()}/@@double-authentification"
    response = requests.get(url, auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD), timeout=30)
    assert response.status_code == 200
    assert "Ce compte est celui de l'hébergeur, pas un compte de la commune" in text(response)
    assert "mairie-totp-secret" not in response.text
    assert accounts().second_factor(SITE_OWNER_NAME) is None
