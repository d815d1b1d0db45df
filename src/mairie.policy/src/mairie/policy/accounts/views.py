"""The login flow (password, then the second factor), the forced renewal and the rights page."""

from . import lockout
from . import passwords
from . import totp
from .groups import CAPABILITIES
from .groups import rights
from .install import store
from .plugin import LOCKED
from .plugin import PENDING
from .plugin import PLUGIN_ID
from AccessControl.SecurityManagement import getSecurityManager
from AccessControl.SecurityManagement import newSecurityManager
from Acquisition import aq_base
from Acquisition import aq_parent
from mairie.policy import _
from mairie.policy.backoffice.access import visitor_address
from pathlib import Path
from plone import api
from plone.base import PloneMessageFactory as PMF
from plone.protect import CheckAuthenticator
from plone.protect.interfaces import IDisableCSRFProtection
from Products.CMFPlone.browser import login as plone_login
from Products.CMFPlone.browser.login.login import LoginForm
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from z3c.form import button
from zExceptions import Forbidden
from zExceptions import Redirect
from zope.annotation.interfaces import IAnnotations
from zope.interface import alsoProvides


PLONE_TEMPLATE = str(Path(plone_login.__file__).parent / "templates" / "login.pt")
TOKEN = "mairie_2fa_token"
CODE = "mairie_2fa_code"
WRONG_CODE = _(
    "second_factor_wrong",
    default="This code is wrong or was already used. Type the 6-digit code your "
    "application shows now, or one of your recovery codes.",
)
# Where an account whose password is too old may still go.
RENEWAL_VIEWS = ("login", "forced-password-change", "logout", "logged-out")
STATIC = (".css", ".js", ".svg", ".png", ".ico", ".woff2")


class MairieLoginForm(LoginForm):
    """Plone's login form, with the lockout's message and a second step for the code."""

    index = ViewPageTemplateFile(PLONE_TEMPLATE)
    second_step = ViewPageTemplateFile("templates/second_factor.pt")
    step = None  # "code", "enrol" or "recovery": the page shown instead of the password form
    error = None
    token = None

    def update(self):
        # Both steps write (a new secret, the last code used) before any session
        # exists: the signed token and the code, not a CSRF token, vouch for them.
        alsoProvides(self.request, IDisableCSRFProtection)
        if TOKEN in self.request.form:
            self._second_factor()
            return
        super().update()

    def render(self):
        if self.step is not None:
            self._set_no_cache_headers()
            return self.second_step()
        return super().render()

    @button.buttonAndHandler(PMF("Log in"), name="login")
    def handleLogin(self, action):
        notes = IAnnotations(self.request)
        if LOCKED in notes:
            self._refuse(lockout.refusal(notes[LOCKED]))
            return
        if PENDING in notes:
            self._ask_code(notes[PENDING])
            return
        LoginForm.handleLogin(self, action)
        if not api.user.is_anonymous():
            self._renewal_first(api.user.get_current())

    # The second step

    def _ask_code(self, user_id):
        self.token = totp.pending_token(user_id)
        self.came_from = self.get_came_from() or ""
        record = store().second_factor(user_id)
        if record is not None and record.confirmed:
            self.step = "code"
        else:
            self._show_enrolment(user_id)

    def _show_enrolment(self, user_id):
        self.step = "enrol"
        self.secret, self.qr_code = enrolment(user_id)

    def _second_factor(self):
        form = self.request.form
        token = form.get(TOKEN)
        user_id = totp.pending_user(token) if isinstance(token, str) else None
        self.came_from = self.get_came_from() or ""
        pas = api.portal.get_tool("acl_users")
        user = pas.getUserById(user_id) if user_id else None
        if user is None:
            IStatusMessage(self.request).addStatusMessage(
                _(
                    "second_factor_expired",
                    default="The time to type the code ran out: log in again.",
                ),
                "error",
            )
            super().update()
            return
        accounts = store()
        address = visitor_address(self.request)
        until = lockout.locked_until(accounts, user.getUserName(), address)
        if until is not None:
            self._refuse(lockout.refusal(until))
            super().update()
            return
        self.token = token
        record = accounts.second_factor(user_id)
        code = form.get(CODE)
        code = code if isinstance(code, str) else ""
        enrolling = record is None or not record.confirmed
        if record is not None and record.verify(code):
            codes = None
            if enrolling:
                record.confirmed = True
                codes = record.new_recovery_codes()
            self._log_in(user)
            if codes:
                self.step = "recovery"
                self.recovery_codes = codes
            else:
                self._redirect_after()
            return
        if not enrolling and record.use_recovery_code(code):
            self._log_in(user)
            self._redirect_after()
            return
        lockout.record_failure(accounts, user.getUserName(), address, user)
        self.error = WRONG_CODE
        if enrolling:
            self._show_enrolment(user_id)
        else:
            self.step = "code"

    def _log_in(self, user):
        pas = api.portal.get_tool("acl_users")
        newSecurityManager(self.request, user.__of__(pas))
        pas.updateCredentials(self.request, self.request.response, user.getUserName(), "")
        api.portal.get_tool("portal_membership").loginUser(self.request)

    def _redirect_after(self):
        self.redirect_after_login(self.came_from or None)
        self._renewal_first(api.user.get_current())

    def _renewal_first(self, user):
        if passwords.expired(store(), user):
            self.request.response.redirect(
                f"{api.portal.get().absolute_url()}/@@forced-password-change"
            )

    def _refuse(self, message):
        self.request.response.expireCookie("__ac", path="/")
        IStatusMessage(self.request).addStatusMessage(message, "error")

    def continue_url(self):
        return self.came_from or api.portal.get().absolute_url()


def enrolment(user_id):
    """The secret to type (in groups) and the QR code to scan, for ``user_id``."""
    user = api.portal.get_tool("acl_users").getUserById(user_id)
    record = totp.start_enrolment(store(), user_id)
    qr_code = totp.qr_code(record, user.getUserName(), api.portal.get().Title())
    return totp.grouped(record.secret), qr_code


class SecondFactorView(BrowserView):
    """One's own two-factor login: set it up, or replace the recovery codes."""

    index = ViewPageTemplateFile("templates/second_factor.pt")
    token = None
    came_from = ""
    error = None

    def __call__(self):
        user = api.user.get_current()
        if api.portal.get_tool("acl_users").getUserById(user.getId()) is None:
            # An agency account of the Zope root: the commune's second factor is not its own.
            self.step = "elsewhere"
            return self.index()
        accounts = store()
        record = accounts.second_factor(user.getId())
        code = self.request.form.get(CODE)
        if self.request.method == "POST" and code is not None:
            CheckAuthenticator(self.request)
            if record is not None and record.verify(code):
                record.confirmed = True
                self.recovery_codes = record.new_recovery_codes()
                self.step = "recovery"
                return self.index()
            lockout.record_failure(
                accounts, user.getUserName(), visitor_address(self.request), user
            )
            self.error = WRONG_CODE
        if record is not None and record.confirmed:
            self.step = "active"
            self.recovery_left = len(record.recovery)
        else:
            # Storing an unconfirmed secret on GET is harmless: only a code makes it count.
            alsoProvides(self.request, IDisableCSRFProtection)
            self.step = "enrol"
            self.secret, self.qr_code = enrolment(user.getId())
        return self.index()

    def continue_url(self):
        return api.portal.get().absolute_url()


class ResetSecondFactorView(BrowserView):
    """An administrator removes a person's second factor (lost phone and codes)."""

    def __call__(self):
        if self.request.method != "POST":
            raise Forbidden()
        CheckAuthenticator(self.request)
        user_id = self.request.form.get("userid", "")
        user = api.user.get(userid=user_id) if user_id else None
        messages = IStatusMessage(self.request)
        if user is None:
            messages.add(
                _("second_factor_reset_unknown", default="There is no such account."), "error"
            )
        else:
            store().remove_second_factor(user_id)
            messages.add(
                _(
                    "second_factor_reset_done",
                    default="Two-factor login of ${name} was reset: they will set it up "
                    "again at their next login.",
                    mapping={"name": user.getProperty("fullname") or user.getUserName()},
                ),
                "info",
            )
        self.request.response.redirect(f"{self.context.absolute_url()}/@@droits-des-comptes")


def renewal_first(event):
    """Until an expired password is renewed, every page leads to the renewal form."""
    request = event.request
    user = getSecurityManager().getUser()
    if user is None or user.getId() is None:
        return
    published = getattr(request.get("PUBLISHED"), "__name__", "")
    if published in RENEWAL_VIEWS or request.get("ACTUAL_URL", "").endswith(STATIC):
        return
    accounts = _store_of(user)
    if accounts is not None and passwords.expired(accounts, user):
        raise Redirect(f"{api.portal.get().absolute_url()}/@@forced-password-change")


def _store_of(user):
    """The accounts plugin, if ``user`` comes from this site's user folder."""
    folder = aq_parent(user)
    if folder is None or PLUGIN_ID not in getattr(aq_base(folder), "objectIds", tuple)():
        return None
    return folder[PLUGIN_ID]


class RightsView(BrowserView):
    """Who can do what: the groups and their rights, read from the site's own settings."""

    def groups(self):
        accounts = store()
        groups = rights(self.context)
        for group in groups:
            for member in group["members"]:
                record = accounts.second_factor(member["id"])
                member["enrolled"] = record is not None and record.confirmed
        return groups

    def reset_url(self):
        return f"{self.context.absolute_url()}/@@reinitialiser-double-authentification"

    def capabilities(self):
        return [label for label, _permission in CAPABILITIES]

    def users_url(self):
        return f"{self.context.absolute_url()}/@@usergroup-groupprefs"
