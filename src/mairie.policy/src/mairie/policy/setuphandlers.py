"""What the profiles cannot say in XML."""

from mairie.policy.accounts.install import uninstall as uninstall_accounts
from plone.base.interfaces.installable import INonInstallable
from plone.registry.interfaces import IRegistry
from zope.component import getUtility
from zope.interface import implementer


def uninstall(context) -> None:
    """Our types and the forms leave the navigation (registry XML can add, not remove)."""
    uninstall_accounts()
    registry = getUtility(IRegistry)
    registry["plone.displayed_types"] = tuple(
        name
        for name in registry["plone.displayed_types"]
        if not name.startswith("mairie.") and name != "EasyForm"
    )


@implementer(INonInstallable)
class HiddenProfiles:
    """What a site administrator must not pick in the add-ons panel or at site creation."""

    def getNonInstallableProfiles(self):
        return ["mairie.policy:uninstall"]

    def getNonInstallableProducts(self):
        # Re-import profiles of upgrade steps (upgrades/profiles/<N>) belong to this product.
        return ["mairie.policy.upgrades"]
