"""What the profiles cannot say in XML."""

from plone.base.interfaces.installable import INonInstallable
from zope.interface import implementer


@implementer(INonInstallable)
class HiddenProfiles:
    """What a site administrator must not pick in the add-ons panel or at site creation."""

    def getNonInstallableProfiles(self):
        return ["mairie.themes:uninstall"]

    def getNonInstallableProducts(self):
        # Re-import profiles of upgrade steps (upgrades/profiles/<N>) belong to this product.
        return ["mairie.themes.upgrades"]
