"""Password rules through Plone's hook and the real change-password form; the change notice."""

from .accounts import accounts
from .accounts import fr
from .accounts import login
from .accounts import NEW_PASSWORD
from .accounts import PASSWORD
from .accounts import submit_password_form
from .accounts import text
from Acquisition import aq_base
from mairie.policy.accounts import passwords
from mairie.policy.accounts.install import store
from plone import api
from Products.PluggableAuthService.interfaces.plugins import IAuthenticationPlugin
from Products.PluggableAuthService.interfaces.plugins import IValidationPlugin
from zope.i18n import translate

import pytest


def test_plugin_replaces_plone_policy(portal):
    plugins = portal.acl_users.plugins
    assert plugins.listPluginIds(IValidationPlugin) == ("mairie_accounts",)
    assert plugins.listPluginIds(IAuthenticationPlugin)[0] == "mairie_accounts"
    assert aq_base(store()) is aq_base(portal.acl_users.mairie_accounts)


@pytest.mark.parametrize(
    "password, form, msgid",
    [
        ("court-2026", {}, "password_too_short"),
        ("x" * 1001, {}, "password_too_long"),
        (
            "jeanne.martin.2026",
            {"form.widgets.username": "jeanne.martin.2026"},
            "password_is_login",
        ),
        ("Jeanne.Martin1990!", {"form.widgets.fullname": "Jeanne Martin"}, "password_personal"),
        ("Saint-Aubin-2026!", {}, "password_personal"),
        ("azertyuiop123", {}, "password_guessable"),
        ("aaaaaaaaaaaaaaaaaaaa", {}, "password_guessable"),
    ],
)
def test_refused_with_a_message_saying_why(portal, password, form, msgid):
    api.portal.set_registry_record("mairie.commune.name", "Saint-Aubin-sur-Loire")
    request = portal.REQUEST
    request.form.update(form)
    message = passwords.problem(password, *passwords.request_context(request))
    assert message == msgid
    registration = api.portal.get_tool("portal_registration")
    assert registration.testPasswordValidity(password) == translate(message, context=request)


@pytest.mark.parametrize(
    "password",
    [
        "cheval agrafe batterie correcte",
        "Le héron pêche sous la pluie de novembre, sans parapluie. " * 3,
        "k7#Vq9!mZp2&",
    ],
)
def test_strong_passwords_pass(portal, password):
    registration = api.portal.get_tool("portal_registration")
    assert registration.testPasswordValidity(password) is None


def test_forms_describe_the_rules(portal):
    registration = api.portal.get_tool("portal_registration")
    assert "12" in registration.testPasswordValidity("")


def change_password(site, session, new):
    return submit_password_form(site, session, "@@change-password", PASSWORD, new)


def test_change_password_form_refuses_then_accepts_and_mails(site, smtp):
    session, _response = login(site, "agent", PASSWORD)
    before = accounts().password_changed("agent")
    refused = change_password(site, session, "agent")
    assert fr(passwords.problem("agent", ["agent"])) in text(refused)
    assert accounts().password_changed("agent") == before
    assert smtp.to("agent@example.net") == []

    accepted = change_password(site, session, NEW_PASSWORD)
    assert accepted.ok
    assert accounts().password_changed("agent") > before
    mails = smtp.to("agent@example.net")
    assert len(mails) == 1
    assert mails[0].subject == fr(
        passwords._("mail_password_changed_subject", default="Your password was changed")
    )
    assert "agent" in mails[0].body


def test_uninstall_gives_back_plone_policy(portal):
    from plone.app.testing import setRoles
    from plone.app.testing import TEST_USER_ID
    from plone.base.utils import get_installer

    setRoles(portal, TEST_USER_ID, ["Manager"])
    get_installer(portal).uninstall_product("mairie.policy")
    plugins = portal.acl_users.plugins
    assert "mairie_accounts" not in portal.acl_users.objectIds()
    assert plugins.listPluginIds(IValidationPlugin) == ("password_policy",)
    get_installer(portal).install_product("mairie.policy")
    assert plugins.listPluginIds(IAuthenticationPlugin)[0] == "mairie_accounts"
