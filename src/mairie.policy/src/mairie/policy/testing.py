"""Test layers: a Plone site with every mairie add-on's configuration loaded.

Only mairie.policy is installed in the layer's site; tests install the other
add-ons, or provision whole communes next to it on the same application. The
modules are those found by mairie.policy.modules, whatever they are.
"""

from importlib import import_module
from mairie.policy.hosting.wsgi import quiet_filter
from mairie.policy.hosting.wsgi import SERVER_OPTIONS
from mairie.policy.modules import modules
from plone import api
from plone.app.testing import applyProfile
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PLONE_FIXTURE
from plone.app.testing import PloneSandboxLayer
from plone.testing.zope import WSGIServer
from waitress.adjustments import Adjustments
from webtest.http import StopableWSGIServer


class MairieLayer(PloneSandboxLayer):
    defaultBases = (PLONE_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        # Autoinclude is off in test layers: load what a real instance loads.
        import mairie.policy
        import plone.app.theming
        import plonetheme.barceloneta

        for package in (plone.app.theming, plonetheme.barceloneta, mairie.policy):
            self.loadZCML(package=package)
        for module in modules().values():
            self.loadZCML(package=import_module(module.product))

    def setUpPloneSite(self, portal):
        applyProfile(portal, "mairie.policy:default")
        # Every commune site is French, as provisioning makes it.
        portal.setLanguage("fr")
        api.portal.set_registry_record("plone.default_language", "fr")
        api.portal.set_registry_record("plone.available_languages", ["fr"])


class DeployedWSGIServer(WSGIServer):
    """plone.testing's server, with the options and filter of every deployed instance.

    plone.testing starts waitress its own way (proxy headers kept, a Server
    header); the tests must see what visitors of a deployment see.
    """

    def setUpServer(self):
        options = Adjustments(**SERVER_OPTIONS)
        kwargs = {"clear_untrusted_proxy_headers": options.clear_untrusted_proxy_headers}
        kwargs["ident"] = options.ident
        kwargs["host"] = self.host or "127.0.0.1"
        kwargs["port"] = int(self.port or 0)
        self.server = StopableWSGIServer.create(quiet_filter(self.make_wsgi_app()), **kwargs)
        self.server.effective_host = "localhost"
        self["host"] = self.host = self.server.effective_host
        self["port"] = self.port = int(self.server.effective_port)


FIXTURE = MairieLayer()
WSGI_SERVER_FIXTURE = DeployedWSGIServer(name="MairieLayer:WSGIServer")
INTEGRATION_TESTING = IntegrationTesting(bases=(FIXTURE,), name="MairieLayer:Integration")
FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(FIXTURE, WSGI_SERVER_FIXTURE), name="MairieLayer:Functional"
)
