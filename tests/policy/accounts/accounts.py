"""The accounts' tests: their passwords, the rules, logging in and changing a password over HTTP."""

from mairie.policy.accounts.install import store
from mairie.policy.accounts.settings import IAccountsSettings
from plone import api
from zope.i18n import translate

import html
import re
import requests
import transaction


PASSWORD = "cheval agrafe batterie correcte 42"
NEW_PASSWORD = "le héron pêche sous la pluie de novembre"


def set_rules(**values):
    settings = api.portal.get_tool("portal_registry").forInterface(
        IAccountsSettings, prefix="mairie.accounts"
    )
    for name, value in values.items():
        setattr(settings, name, value)
    transaction.commit()


def accounts():
    """The plugin as the server last committed it."""
    transaction.begin()
    return store()


def login(site, name, password, session=None):
    """Post the login form as a browser does; (session, response)."""
    session = session or requests.Session()
    response = session.post(
        f"{site.absolute_url()}/login",
        data={"__ac_name": name, "__ac_password": password, "buttons.login": "Se connecter"},
        timeout=30,
    )
    return session, response


def second_factor(site, session, page, code):
    token = re.search(r'name="mairie_2fa_token" value="([^"]+)"', page).group(1)
    return session.post(
        f"{site.absolute_url()}/login",
        data={"mairie_2fa_token": html.unescape(token), "mairie_2fa_code": code},
        timeout=30,
    )


def text(response):
    return html.unescape(response.text)


def fr(message):
    return translate(message, target_language="fr")


def submit_password_form(site, session, view, current, new):
    """Fill in Plone's change-password form (``view``) as the logged-in person does."""
    url = f"{site.absolute_url()}/{view}"
    page = session.get(url, timeout=30).text
    token = re.search(r'name="_authenticator" value="([^"]+)"', page).group(1)
    return session.post(
        url,
        data={
            "_authenticator": token,
            "form.widgets.current_password": current,
            "form.widgets.new_password": new,
            "form.widgets.new_password_ctl": new,
            "form.buttons.reset_passwd": "Changer",
        },
        timeout=30,
    )
