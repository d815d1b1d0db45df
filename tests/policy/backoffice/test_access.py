"""Who may reach the back-office, over real HTTP.

The test client is 127.0.0.1, a trusted proxy by default: X-Forwarded-For
gives the address each test plays.
"""

from .login import LOGIN_PATH
from browser import axe_violations
from mairie.policy import _
from plone.app.testing import TEST_USER_NAME
from plone.app.testing import TEST_USER_PASSWORD
from zope.i18n import translate

import pytest
import requests


FRENCH_V4, FRENCH_V6 = "90.0.0.1", "2a01:cb00::1"
FOREIGN_V4, FOREIGN_V6 = "8.8.8.8", "2001:4860::1"
REFUSED_TITLE = _("backoffice_refused_title", default="Access refused")


def get(url, address=None, **kwargs):
    headers = {"X-Forwarded-For": address} if address else {}
    return requests.get(url, headers=headers, timeout=30, allow_redirects=False, **kwargs)


def assert_refused(response):
    assert response.status_code == 403
    assert 'lang="fr"' in response.text
    # Translated when the test runs: the catalogues are loaded with the test layer.
    title = translate(REFUSED_TITLE, domain="mairie.policy", target_language="fr")
    assert f"<h1>{title}</h1>" in response.text
    assert "__ac_password" not in response.text


@pytest.mark.parametrize("address", [FOREIGN_V4, FOREIGN_V6])
def test_login_form_refused_abroad(secured_site, address):
    assert_refused(get(f"{secured_site.absolute_url()}/{LOGIN_PATH}", address))


@pytest.mark.parametrize("address", [FRENCH_V4, FRENCH_V6])
def test_login_form_served_in_france(secured_site, address):
    response = get(f"{secured_site.absolute_url()}/{LOGIN_PATH}", address)
    assert response.status_code == 200
    assert 'name="__ac_password"' in response.text
    assert f'action="{secured_site.absolute_url()}/{LOGIN_PATH}"' in response.text


def test_public_pages_are_read_from_anywhere(secured_site):
    response = get(secured_site.absolute_url(), FOREIGN_V4)
    assert response.status_code == 200
    # No « Se connecter » link to a door that answers 404, nor to the secret path.
    assert 'id="personaltools-login"' not in response.text
    assert f"/{LOGIN_PATH}" not in response.text


def test_credentials_from_abroad_get_nothing(settings, secured_site):
    # The commune's own manager (the agency's root accounts never pass from a visitor's
    # address); the second factor is the accounts' concern, tested there.
    settings(**{"mairie.accounts.totp_required_roles": ()})
    url = f"{secured_site.absolute_url()}/@@overview-controlpanel"
    auth = (TEST_USER_NAME, TEST_USER_PASSWORD)
    assert get(url, FRENCH_V4, auth=auth).status_code == 200
    refused = get(url, FOREIGN_V4, auth=auth)
    assert_refused(refused)
    # Not even a public page with the user's name on it.
    home = get(secured_site.absolute_url(), FOREIGN_V4, auth=auth)
    assert_refused(home)
    assert "logout" not in home.text


def test_forged_header_from_an_untrusted_client_is_ignored(settings, secured_site):
    settings(**{"mairie.agency.trusted_proxies": (), "mairie.agency.operator_networks": ()})
    # 127.0.0.1 is neither a proxy nor an operator now: it is the client, and not French.
    assert_refused(get(f"{secured_site.absolute_url()}/{LOGIN_PATH}", FRENCH_V4))


def test_loopback_is_an_operator_network_by_default(settings, secured_site):
    url = f"{secured_site.absolute_url()}/{LOGIN_PATH}"
    assert get(url).status_code == 200
    settings(**{"mairie.agency.operator_networks": ()})
    assert_refused(get(url))


def test_allowlist_replaces_france(settings, secured_site):
    settings(**{"mairie.commune.admin_ip_allowlist": ("203.0.113.0/24", "2001:db8:49::/48")})
    url = f"{secured_site.absolute_url()}/{LOGIN_PATH}"
    assert get(url, "203.0.113.7").status_code == 200
    assert get(url, "2001:db8:49::7").status_code == 200
    assert_refused(get(url, FRENCH_V4))
    assert get(url).status_code == 200  # the operator, from the server itself


@pytest.mark.parametrize(
    "path",
    [
        "login",
        "login_form",
        "@@login",
        "actualites/login_form",
        "require_login",
        "mail_password_form",
        "@@overview-controlpanel",
        "acl_users",
        "acl_users/credentials_cookie_auth/require_login",
        "failsafe_login",
        "manage_main",
        "@login",
        "++api++/@login",
    ],
)
def test_plone_login_doors_answer_404_to_anonymous(secured_site, path):
    assert get(f"{secured_site.absolute_url()}/{path}", FRENCH_V4).status_code == 404


def test_bogus_cookie_does_not_open_the_doors(secured_site):
    response = get(f"{secured_site.absolute_url()}/login", FRENCH_V4, cookies={"__ac": "bogus"})
    assert response.status_code == 404


def test_protected_page_does_not_lead_to_the_login_form(secured_site):
    response = get(f"{secured_site.absolute_url()}/folder_contents", FRENCH_V4)
    assert LOGIN_PATH not in response.headers.get("Location", "")
    assert LOGIN_PATH not in response.text
    if response.status_code == 302:
        assert get(response.headers["Location"], FRENCH_V4).status_code == 404


def test_password_recovery_stays_reachable(secured_site):
    assert get(f"{secured_site.absolute_url()}/@@login-help", FRENCH_V4).status_code == 200
    assert_refused(get(f"{secured_site.absolute_url()}/@@login-help", FOREIGN_V4))


def test_log_in_at_the_secret_path(settings, secured_site):
    # The second factor and password renewal are the accounts' concern, tested there.
    registry = secured_site.portal_registry
    settings(
        **{
            name: value
            for name, value in (
                ("mairie.accounts.totp_required_roles", ()),
                ("mairie.accounts.password_max_age_admins", 0),
            )
            if name in registry
        }
    )
    url = f"{secured_site.absolute_url()}/{LOGIN_PATH}"
    browser = requests.Session()
    browser.headers["X-Forwarded-For"] = FRENCH_V4
    assert browser.get(url, timeout=30).status_code == 200
    response = browser.post(
        url,
        data={
            "__ac_name": TEST_USER_NAME,
            "__ac_password": TEST_USER_PASSWORD,
            "came_from": "",
            "buttons.login": "Se connecter",
        },
        timeout=30,
    )
    assert response.status_code == 200
    assert "__ac" in browser.cookies
    panel = browser.get(f"{secured_site.absolute_url()}/@@overview-controlpanel", timeout=30)
    assert panel.status_code == 200
    assert "overview-controlpanel" in panel.url
    # The same session from abroad is refused.
    browser.headers["X-Forwarded-For"] = FOREIGN_V4
    assert_refused(
        browser.get(f"{secured_site.absolute_url()}/@@overview-controlpanel", timeout=30)
    )


def test_without_a_login_path_plone_doors_stay(functional):
    """A site that is not a provisioned commune keeps Plone's login."""
    response = get(f"{functional['portal'].absolute_url()}/login", FRENCH_V4)
    assert response.status_code == 200


def test_refusal_page_is_accessible(secured_site, page):
    page.set_extra_http_headers({"X-Forwarded-For": FOREIGN_V4})
    response = page.goto(f"{secured_site.absolute_url()}/{LOGIN_PATH}")
    assert response.status == 403
    assert axe_violations(page) == []
