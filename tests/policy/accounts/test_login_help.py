"""« Need help? » (@@login-help): the same answer for the agency's root accounts and unknown names."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME

import html
import pytest
import re
import requests
import transaction


def ask_reset(site, name):
    session = requests.Session()
    url = f"{site.absolute_url()}/@@login-help"
    page = session.get(url, timeout=30).text
    token = re.search(r'name="_authenticator" value="([^"]+)"', page)
    data = {"form.widgets.reset_password": name, "form.buttons.reset": "Réinitialiser"}
    if token:
        data["_authenticator"] = token.group(1)
    return session.post(url, data=data, timeout=30)


def answer(response) -> str:
    """The page's status message, the only part that depends on the name."""
    return html.unescape(
        re.search(r'<div[^>]*class="[^"]*portalMessage.*?</div>', response.text, re.S).group(0)
    )


@pytest.mark.parametrize("name", [SITE_OWNER_NAME, "personne-de-ce-nom"])
def test_a_root_account_gets_what_an_unknown_name_gets(site, name):
    response = ask_reset(site, name)
    assert response.status_code == 200
    assert answer(response) == answer(ask_reset(site, "inconnu"))


def test_a_commune_account_still_gets_its_reset_mail(site, smtp):
    requests_before = len(api.portal.get_tool("portal_password_reset")._requests)
    response = ask_reset(site, "agent")
    assert response.status_code == 200
    assert answer(response) == answer(ask_reset(site, "inconnu"))
    transaction.begin()
    assert len(api.portal.get_tool("portal_password_reset")._requests) == requests_before + 1


@pytest.mark.parametrize("name", [SITE_OWNER_NAME, "personne-de-ce-nom"])
def test_the_rest_reset_knows_no_root_account(site, name):
    """POST @users/<name>/reset-password: a 404 for both, never a 500 for the root's."""
    response = requests.post(
        f"{site.absolute_url()}/@users/{name}/reset-password",
        json={},
        headers={"Accept": "application/json"},
        timeout=30,
    )
    assert response.status_code == 404
