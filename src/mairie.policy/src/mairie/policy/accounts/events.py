"""When a password is set: it follows the rules, its date is kept (the maximum age counts
from it), its owner is told."""

from . import passwords
from .plugin import PLUGIN_ID
from plone.base.interfaces import IPloneSiteRoot
from Products.PluggableAuthService.interfaces.plugins import IValidationPlugin
from zExceptions import BadRequest
from zope.component.hooks import getSite


def account_created(event) -> None:
    _keep_date(event.principal)


def password_changed(event) -> None:
    _refuse_weak(event.principal, event.password)
    if _keep_date(event.principal):
        passwords.notify_change(event.principal)


def _refuse_weak(user, password) -> None:
    """The site's PAS validation, judged with the account, for every change of password.

    Plone's user source announces each change here, whatever made it: the web forms
    ask the validation first, but plone.restapi's ``PATCH @users/<id>`` asks none
    and a reset token knows no account. A refusal aborts the change; plone.restapi
    answers 400 with the French reason.
    """
    site = getSite()
    if user is None or not IPloneSiteRoot.providedBy(site):
        return
    for _id, validator in site.acl_users.plugins.listPlugins(IValidationPlugin):
        for error in validator.validateUserInfo(user, user.getId(), {"password": password}):
            if error["id"] == "password":
                raise BadRequest(error["error"])


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
