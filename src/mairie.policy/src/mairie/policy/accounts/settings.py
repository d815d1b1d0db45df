"""The accounts' settings (registry prefix mairie.accounts) and the client address."""

from mairie.policy import _
from plone import api
from zope import schema
from zope.interface import Interface


ADMIN_ROLES = ("Manager", "Site Administrator")


class IAccountsSettings(Interface):
    """How strict the back-office login is; the agency tunes it per commune."""

    password_min_length = schema.Int(
        title=_("Minimum password length"), default=12, min=8, required=True
    )
    password_min_score = schema.Int(
        title=_("Minimum password strength (zxcvbn score, 0 to 4)"),
        default=3,
        min=0,
        max=4,
        required=True,
    )
    password_max_age_admins = schema.Int(
        title=_("Maximum password age of administrators (days, 0 = never expires)"),
        default=365,
        min=0,
        required=True,
    )
    password_max_age_others = schema.Int(
        title=_("Maximum password age of other accounts (days, 0 = never expires)"),
        default=0,
        min=0,
        required=True,
    )
    lockout_account_attempts = schema.Int(
        title=_("Failed logins allowed per account in the window"), default=5, min=1
    )
    lockout_address_attempts = schema.Int(
        title=_("Failed logins allowed per address in the window"), default=20, min=1
    )
    lockout_window = schema.Int(
        title=_("Window over which failures are counted (minutes)"), default=15, min=1
    )
    lockout_duration = schema.Int(title=_("Lockout duration (minutes)"), default=15, min=1)
    totp_required_roles = schema.Tuple(
        title=_("Roles that must use two-factor login"),
        value_type=schema.ASCIILine(),
        default=ADMIN_ROLES,
        required=False,
    )
    totp_required_users = schema.Tuple(
        title=_("Accounts that must use two-factor login"),
        value_type=schema.TextLine(),
        default=(),
        required=False,
    )


def settings():
    return api.portal.get_tool("portal_registry").forInterface(
        IAccountsSettings, prefix="mairie.accounts"
    )
