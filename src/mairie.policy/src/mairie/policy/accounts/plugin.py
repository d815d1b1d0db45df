"""The PAS plugin that guards the site's logins and keeps the accounts' own data.

It validates new passwords (IValidationPlugin) and stands first among the
authenticators: a login and password are checked here against the others
(it asks them itself), so that a locked account or address, or an account that
owes a second factor, gets no user from any later authenticator, whatever the
URL or the credentials' origin (login form, HTTP Basic). A password sent
elsewhere than at the secret login path or by HTTP Basic is not checked at
all (mairie.policy.backoffice.access.password_accepted). PAS hands every authenticator the same
credentials mapping: removing the password there is how a refusal holds.

Its storage (BTrees on the plugin, in the site's ZODB): the date each password
was set, each account's second factor, and the failed-login counts.
"""

from . import lockout
from . import passwords
from . import totp
from AccessControl.class_init import InitializeClass
from BTrees.OOBTree import OOBTree
from datetime import datetime
from datetime import UTC
from mairie.policy import counters
from mairie.policy.backoffice.access import password_accepted
from mairie.policy.backoffice.access import visitor_address
from Products.PluggableAuthService.interfaces.plugins import IAuthenticationPlugin
from Products.PluggableAuthService.interfaces.plugins import IValidationPlugin
from Products.PluggableAuthService.plugins.BasePlugin import BasePlugin
from zope.annotation.interfaces import IAnnotations
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.interface import implementer


PLUGIN_ID = "mairie_accounts"
LOCKED = "mairie.accounts.locked_until"
PENDING = "mairie.accounts.pending"
SWALLOWABLE = (NameError, AttributeError, KeyError, TypeError, ValueError)


@implementer(IAuthenticationPlugin, IValidationPlugin)
class AccountsPlugin(BasePlugin):
    """Password rules, lockout and two-factor gate of the commune's site."""

    meta_type = "mairie accounts"

    def __init__(self, id, title=""):
        self._setId(id)
        self.title = title
        self.installed = datetime.now(UTC)
        self._passwords = OOBTree()
        self._second_factors = OOBTree()
        self._attempts = OOBTree()

    # Storage

    def password_changed(self, user_id) -> datetime:
        """When the password was last set; accounts older than the plugin count from it."""
        return self._passwords.get(user_id, self.installed)

    def set_password_changed(self, user_id, when=None) -> None:
        self._passwords[user_id] = when or datetime.now(UTC)

    def second_factor(self, user_id):
        return self._second_factors.get(user_id)

    def set_second_factor(self, user_id, record) -> None:
        self._second_factors[user_id] = record

    def remove_second_factor(self, user_id) -> None:
        self._second_factors.pop(user_id, None)

    def attempts(self, key, create=False):
        found = self._attempts.get(key)
        if found is None and create:
            found = self._attempts[key] = lockout.Attempts()
        return found

    def forget(self, key) -> None:
        self._attempts.pop(key, None)

    def write_apart(self, change) -> None:
        """Apply ``change(plugin)`` in a transaction of its own, committed now."""
        counters.apart(self, change)

    # IValidationPlugin

    def validateUserInfo(self, user, set_id, set_info):
        password = (set_info or {}).get("password")
        if password is None:
            return []
        request = getRequest()
        if password == "":
            message = passwords.rules_summary()
        else:
            message = passwords.problem(password, *passwords.request_context(request, user))
        if message is None:
            return []
        return [{"id": "password", "error": translate(message, context=request)}]

    # IAuthenticationPlugin

    def authenticateCredentials(self, credentials):
        login = credentials.get("login")
        password = credentials.get("password")
        if not login or password is None:
            return None
        request = getRequest()
        if not password_accepted(request, credentials):
            # Not a login attempt (no failure counted): as if no password were sent.
            credentials.pop("password")
            return None
        address = visitor_address(request)
        notes = IAnnotations(request)
        until = lockout.locked_until(self, login, address)
        if until is not None:
            notes[LOCKED] = until
            credentials.pop("password")
            return None
        found = self._ask_the_others(credentials)
        if found is None:
            if not self._root_accepts(login, password, request):
                pas = self._getPAS()
                user = pas.getUser(login)
                lockout.record_failure(self, login, address, user)
                until = lockout.locked_until(self, login, address)
                if until is not None:
                    notes[LOCKED] = until
            return None
        lockout.forget_account(self, login)
        user_id, user_login = found
        user = self._getPAS().getUserById(user_id)
        # Later authenticators need not hash the password again.
        credentials.pop("password")
        if user is not None and totp.required(self, user):
            notes[PENDING] = user_id
            return None
        return found

    def _ask_the_others(self, credentials):
        plugins = self._getPAS().plugins.listPlugins(IAuthenticationPlugin)
        for plugin_id, plugin in plugins:
            if plugin_id == self.getId():
                continue
            try:
                found = plugin.authenticateCredentials(credentials)
            except SWALLOWABLE:
                continue
            if found is not None and found[0] is not None:
                return found
        return None

    def _root_accepts(self, login, password, request) -> bool:
        """The agency's Zope accounts are checked by the root user folder, not failures here."""
        root_folder = self.getPhysicalRoot().acl_users
        try:
            return root_folder.authenticate(login, password, request) is not None
        except SWALLOWABLE:
            return False


InitializeClass(AccountsPlugin)
