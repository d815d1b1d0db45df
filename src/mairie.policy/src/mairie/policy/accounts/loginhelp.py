"""Plone's « Need help? » form and the REST reset, where a name outside the site's own
users is unknown.

Plone's reset finds a member in any user folder up to the Zope root (the
agency's ``admin``), then fails with a 500 looking it up in the site's: an
answer that tells the agency's accounts apart from names nobody has. Here
such a name gets what an unknown name gets; the reset e-mail is only for the
commune's own accounts.
"""

from plone.base import PloneMessageFactory as PMF
from plone.restapi.services.users import add
from Products.CMFPlone.browser.login import login_help
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from z3c.form import button
from zope.component.hooks import getSite

import os


class RequestResetPassword(login_help.RequestResetPassword):
    @button.buttonAndHandler(
        PMF("button_pwreset_reset_password", default="Reset your password"), name="reset"
    )
    def handleResetPassword(self, action):
        data, errors = self.extractData()
        if errors or _site_account(data["reset_password"]):
            return login_help.RequestResetPassword.handleResetPassword.func(self, action)
        IStatusMessage(self.request).addStatusMessage(
            PMF(
                "statusmessage_pwreset_password_mail_sent",
                default="An email has been sent with instructions on how to reset your password.",
            ),
            "info",
        )


def _site_account(login: str) -> bool:
    acl_users = getSite().acl_users
    return bool(acl_users.searchUsers(login=login, exact_match=True))


class LoginHelpForm(login_help.LoginHelpForm):
    index = ViewPageTemplateFile(
        "login_help.pt", os.path.join(os.path.dirname(login_help.__file__), "templates")
    )

    def update(self):
        subforms = []
        if self.can_reset_password():
            subforms.append(RequestResetPassword(None, self.request))
        if not self.use_email_as_login() and self.can_retrieve_username():
            subforms.append(login_help.RequestUsername(None, self.request))
        for subform in subforms:
            subform.update()
        self.subforms = subforms
        super(login_help.LoginHelpForm, self).update()


class UsersPost(add.UsersPost):
    """plone.restapi's ``POST @users``, where ``<name>/reset-password`` for a name
    outside the site's own users is a 404, as for an unknown name (it was a 500)."""

    def update_password(self, data):
        if not _site_account(self.params[0]):
            self.request.response.setStatus(404)
            return None
        return super().update_password(data)
