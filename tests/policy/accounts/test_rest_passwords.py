"""The password rules hold through plone.restapi as in the web forms, with the French reason.

Every way of setting a password over REST, called over HTTP as the commune's
administrator (HTTP basic) or as the account's owner: creating an account, changing
one (``PATCH @users/<id>``), and ``@users/<id>/reset-password`` with the current
password or a reset token.
"""

from .accounts import accounts
from .accounts import fr
from .accounts import NEW_PASSWORD
from .accounts import PASSWORD
from .accounts import set_rules
from mairie.policy.accounts import passwords
from plone import api

import json
import pytest
import requests
import transaction


ADMIN = ("maire", PASSWORD)
HEADERS = {"Accept": "application/json", "Content-Type": "application/json"}


@pytest.fixture
def rest(site):
    """The site's REST root; the administrator logs in with a password alone here."""
    set_rules(totp_required_roles=())
    return site.absolute_url()


def call(method, url, body, auth=ADMIN):
    return requests.request(method, url, json=body, headers=HEADERS, auth=auth, timeout=30)


def refused(response, password, logins, names=()):
    """A 400 whose JSON gives the rule's French reason, as the web forms show it."""
    assert response.status_code == 400, response.text
    reason = fr(passwords.problem(password, logins, names))
    assert reason in json.dumps(response.json(), ensure_ascii=False), response.text


def can_log_in(login, password):
    """The stored password is this one (asked of Plone's user source directly)."""
    transaction.begin()
    source = api.portal.get().acl_users.source_users
    return source.authenticateCredentials({"login": login, "password": password}) is not None


@pytest.mark.parametrize(
    "login, fullname, password, logins, names",
    [
        ("jmartin", "Jeanne Martin", "Jeanne.Martin1990!", [], ["Jeanne Martin"]),
        ("jeanne-martin-2026", None, "jeanne-martin-2026", ["jeanne-martin-2026"], []),
    ],
)
def test_creating_an_account_refuses_its_name_or_login(
    rest, login, fullname, password, logins, names
):
    body = {"username": login, "email": "jeanne@example.net", "password": password}
    if fullname:
        body["fullname"] = fullname
    refused(call("POST", f"{rest}/@users", body), password, logins, names)
    transaction.begin()
    assert api.user.get(username=login) is None


def test_creating_an_account_with_a_strong_password(rest):
    body = {
        "username": "jmartin",
        "email": "jeanne.martin@example.net",
        "fullname": "Jeanne Martin",
        "password": NEW_PASSWORD,
    }
    response = call("POST", f"{rest}/@users", body)
    assert response.status_code == 201, response.text
    assert can_log_in("jmartin", NEW_PASSWORD)


@pytest.mark.parametrize("password", ["court-2026", "Paul.Agent.1990!", "agent-agent-agent"])
def test_changing_a_password_by_the_administrator_follows_the_rules(rest, password):
    before = accounts().password_changed("agent")
    response = call("PATCH", f"{rest}/@users/agent", {"password": password})
    refused(response, password, ["agent"], ["Paul Agent"])
    assert can_log_in("agent", PASSWORD)
    assert accounts().password_changed("agent") == before


def test_changing_a_password_by_the_administrator(rest, smtp):
    response = call("PATCH", f"{rest}/@users/agent", {"password": NEW_PASSWORD})
    assert response.status_code == 204, response.text
    assert can_log_in("agent", NEW_PASSWORD)
    assert len(smtp.to("agent@example.net")) == 1


def test_changing_ones_own_password_with_the_current_one(rest):
    response = call(
        "POST",
        f"{rest}/@users/agent/reset-password",
        {"old_password": PASSWORD, "new_password": "Paul.Agent.1990!"},
        auth=("agent", PASSWORD),
    )
    refused(response, "Paul.Agent.1990!", ["agent"], ["Paul Agent"])
    assert can_log_in("agent", PASSWORD)


def test_a_reset_token_does_not_bypass_the_rules(rest):
    transaction.begin()
    token = api.portal.get_tool("portal_password_reset").requestReset("agent")["randomstring"]
    transaction.commit()
    response = call(
        "POST",
        f"{rest}/@users/agent/reset-password",
        {"reset_token": token, "new_password": "Paul.Agent.1990!"},
        auth=None,
    )
    refused(response, "Paul.Agent.1990!", ["agent"], ["Paul Agent"])
    assert can_log_in("agent", PASSWORD)
