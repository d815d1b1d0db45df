"""The mairie layer with this add-on's ZCML loaded (its profile is not installed)."""

from mairie.policy.testing import FIXTURE
from plone.app.testing import FunctionalTesting
from plone.app.testing import PloneSandboxLayer


class UpgradeTestingLayer(PloneSandboxLayer):
    defaultBases = (FIXTURE,)

    def setUpZope(self, app, configurationContext):
        import mairie.upgradetesting

        self.loadZCML(package=mairie.upgradetesting)


UPGRADE_FIXTURE = UpgradeTestingLayer()
UPGRADE_FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(UPGRADE_FIXTURE,), name="UpgradeTestingLayer:Functional"
)
