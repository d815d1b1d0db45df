"""Test layers: a Plone site with every mairie add-on's configuration loaded.

Only mairie.policy is installed in the layer's site; tests install the other
add-ons, or provision whole communes next to it on the same application.
"""

from plone import api
from plone.app.testing import applyProfile
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PLONE_FIXTURE
from plone.app.testing import PloneSandboxLayer
from plone.testing.zope import WSGI_SERVER_FIXTURE


class MairieLayer(PloneSandboxLayer):
    defaultBases = (PLONE_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        # Autoinclude is off in test layers: load what a real instance loads.
        import mairie.payfip
        import mairie.policy
        import mairie.rdv
        import plone.app.theming
        import plonetheme.barceloneta

        for package in (
            plone.app.theming,
            plonetheme.barceloneta,
            mairie.policy,
            mairie.rdv,
            mairie.payfip,
        ):
            self.loadZCML(package=package)

    def setUpPloneSite(self, portal):
        applyProfile(portal, "mairie.policy:default")
        # Every commune site is French, as provisioning makes it.
        portal.setLanguage("fr")
        api.portal.set_registry_record("plone.default_language", "fr")
        api.portal.set_registry_record("plone.available_languages", ["fr"])


FIXTURE = MairieLayer()
INTEGRATION_TESTING = IntegrationTesting(bases=(FIXTURE,), name="MairieLayer:Integration")
FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(FIXTURE, WSGI_SERVER_FIXTURE), name="MairieLayer:Functional"
)
