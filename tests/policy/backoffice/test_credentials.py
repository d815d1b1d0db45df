"""Credentials count only where README.md « Back-office » says: the login form at the
secret path, HTTP basic, and the session or REST token issued there. A stray cookie,
a junk Authorization header or a password in a public URL opens nothing.

The test client is 127.0.0.1, a trusted proxy: X-Forwarded-For gives the visitor
(French here, so that only the credentials rule decides).
"""

from .login import LOGIN_PATH
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME
from plone.app.testing import TEST_USER_PASSWORD

import pytest
import requests
import transaction


FRENCH = {"X-Forwarded-For": "90.0.0.1"}
NOT_AN_OPERATOR = {"X-Forwarded-For": "90.0.0.2"}
LOGIN_FORM = {
    "__ac_name": TEST_USER_NAME,
    "__ac_password": TEST_USER_PASSWORD,
    "came_from": "",
    "buttons.login": "Se connecter",
    "form.submitted": "1",
}
STRAY = [
    {"cookies": {"__ac": "bogus"}},
    {"cookies": {"auth_token": "junk"}},
    {"headers": {"Authorization": "Bearer junk"}},
    {"headers": {"Authorization": "Basic Ym9ndXM6Ym9ndXM="}},
]


@pytest.fixture
def plain_login(secured_site):
    """No second factor nor password renewal: the accounts' tests cover them."""
    registry = secured_site.portal_registry
    for name, value in (
        ("mairie.accounts.totp_required_roles", ()),
        ("mairie.accounts.password_max_age_admins", 0),
    ):
        registry[name] = value
    transaction.commit()
    return secured_site


def post(url, stray, **kwargs):
    headers = {**FRENCH, **stray.get("headers", {}), **kwargs.pop("headers", {})}
    return requests.post(
        url,
        headers=headers,
        cookies=stray.get("cookies"),
        timeout=30,
        allow_redirects=False,
        **kwargs,
    )


def opened_a_session(response) -> bool:
    return any(name in response.cookies for name in ("__ac", "auth_token")) or (
        "token" in response.text
    )


@pytest.mark.parametrize("stray", STRAY)
@pytest.mark.parametrize("door", ["login", "@@login", "login_form", "failsafe_login"])
def test_a_stray_credential_does_not_open_plone_login_forms(plain_login, door, stray):
    response = post(f"{plain_login.absolute_url()}/{door}", stray, data=LOGIN_FORM)
    assert response.status_code == 404
    assert not opened_a_session(response)


@pytest.mark.parametrize("stray", STRAY)
@pytest.mark.parametrize("door", ["@login", "++api++/@login"])
def test_a_stray_credential_gets_no_rest_token(plain_login, door, stray):
    response = post(
        f"{plain_login.absolute_url()}/{door}",
        stray,
        json={"login": TEST_USER_NAME, "password": TEST_USER_PASSWORD},
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 404
    assert "token" not in response.text


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("password", [TEST_USER_PASSWORD, "not-the-password"])
def test_a_password_in_a_public_url_is_not_checked(plain_login, method, password):
    """No password oracle: right or wrong, a public page answers as to anyone."""
    credentials = {"__ac_name": TEST_USER_NAME, "__ac_password": password}
    url = f"{plain_login.absolute_url()}/@@overview-controlpanel"
    send = getattr(requests, method)
    kwargs = {"params": credentials} if method == "get" else {"data": credentials}
    response = send(url, headers=FRENCH, timeout=30, allow_redirects=False, **kwargs)
    # The control panel's door, as to any anonymous visitor.
    assert response.status_code == 404
    assert "__ac" not in response.cookies
    # The public home, with a password in its query: the anonymous page.
    home = requests.get(plain_login.absolute_url(), params=credentials, headers=FRENCH, timeout=30)
    assert home.status_code == 200
    assert "__ac" not in home.cookies
    assert "logout" not in home.text


def test_a_password_in_a_cookie_is_not_checked(plain_login):
    response = requests.get(
        f"{plain_login.absolute_url()}/@@overview-controlpanel",
        headers=FRENCH,
        cookies={"__ac_name": TEST_USER_NAME, "__ac_password": TEST_USER_PASSWORD},
        timeout=30,
        allow_redirects=False,
    )
    assert response.status_code != 200


def test_the_secret_path_still_logs_in_and_its_token_works(plain_login):
    url = f"{plain_login.absolute_url()}/{LOGIN_PATH}"
    browser = requests.Session()
    browser.headers.update(FRENCH)
    response = browser.post(url, data=LOGIN_FORM, timeout=30)
    assert response.status_code == 200
    assert "__ac" in browser.cookies
    panel = browser.get(f"{plain_login.absolute_url()}/@@overview-controlpanel", timeout=30)
    assert panel.status_code == 200
    # Once logged in there, a REST token is issued to the session, and works alone.
    token = browser.post(
        f"{plain_login.absolute_url()}/@login-renew",
        headers={"Accept": "application/json"},
        timeout=30,
    )
    assert token.status_code == 200
    me = requests.get(
        f"{plain_login.absolute_url()}/@users/{TEST_USER_ID}",
        headers={
            **FRENCH,
            "Accept": "application/json",
            "Authorization": f"Bearer {token.json()['token']}",
        },
        timeout=30,
    )
    assert me.status_code == 200


def test_http_basic_stays_for_the_site_s_accounts(plain_login):
    response = requests.get(
        f"{plain_login.absolute_url()}/@@overview-controlpanel",
        headers=FRENCH,
        auth=(TEST_USER_NAME, TEST_USER_PASSWORD),
        timeout=30,
    )
    assert response.status_code == 200


def test_zope_root_accounts_only_from_the_operator_networks(plain_login):
    """The agency's own accounts (no second factor) never work on a commune's front."""
    url = f"{plain_login.absolute_url()}/@@overview-controlpanel"
    auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    assert requests.get(url, auth=auth, timeout=30).status_code == 200  # loopback: operator
    refused = requests.get(url, auth=auth, headers=NOT_AN_OPERATOR, timeout=30)
    assert refused.status_code == 403
    assert 'lang="fr"' in refused.text
