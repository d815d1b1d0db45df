"""The commune's accounts at provisioning: the policy plugin, the groups, the profile's age."""

from .groups import ensure_groups
from .install import install
from .settings import settings


def ensure_accounts(site, profile) -> None:
    """Idempotent; sites created before the accounts plugin get it here too."""
    install()
    ensure_groups(site)
    settings().password_max_age_admins = profile.security.password_max_age_days
