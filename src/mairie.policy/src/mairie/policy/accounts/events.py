"""When a password is set: its date is kept (the maximum age counts from it), its owner told."""

from . import passwords
from .plugin import PLUGIN_ID
from plone.base.interfaces import IPloneSiteRoot
from zope.component.hooks import getSite


def account_created(event) -> None:
    _keep_date(event.principal)


def password_changed(event) -> None:
    if _keep_date(event.principal):
        passwords.notify_change(event.principal)


def _keep_date(user) -> bool:
    """Only a commune's accounts: a Zope-root user (addzopeuser) has no site."""
    site = getSite()
    if user is None or not IPloneSiteRoot.providedBy(site):
        return False
    accounts = site.acl_users.get(PLUGIN_ID)
    if accounts is None:
        return False
    accounts.set_password_changed(user.getId())
    return True
