"""What the uninstall profile cannot say in XML."""

from mairie.policy.accounts.install import uninstall as uninstall_accounts
from plone.registry.interfaces import IRegistry
from zope.component import getUtility


def uninstall(context) -> None:
    """Our types and the forms leave the navigation (registry XML can add, not remove)."""
    uninstall_accounts()
    registry = getUtility(IRegistry)
    registry["plone.displayed_types"] = tuple(
        name
        for name in registry["plone.displayed_types"]
        if not name.startswith("mairie.") and name != "EasyForm"
    )
