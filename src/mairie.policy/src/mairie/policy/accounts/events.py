"""When a password is set: its date is kept (the maximum age counts from it), its owner told."""

from . import passwords
from .plugin import PLUGIN_ID
from plone import api


def account_created(event) -> None:
    _keep_date(event.principal)


def password_changed(event) -> None:
    if _keep_date(event.principal):
        passwords.notify_change(event.principal)


def _keep_date(user) -> bool:
    accounts = api.portal.get_tool("acl_users").get(PLUGIN_ID)
    if user is None or accounts is None:
        return False
    accounts.set_password_changed(user.getId())
    return True
