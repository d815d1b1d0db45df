"""The demo commune, with its demo content, served by the functional layer's HTTP server."""

from mairie.policy.home.hero import hero_images
from mairie.policy.provisioning import site as provisioning
from mairie.policy.provisioning.demo import load
from plone.app.testing import SITE_OWNER_NAME
from plone.registry.interfaces import IRegistry
from plone.testing.zope import login
from zope.component import getUtility
from zope.component.hooks import setSite

import pytest
import transaction


DEMO_CONTENT = "examples/saint-aubin-sur-loire/demo.yaml"


@pytest.fixture
def demo_commune(functional, demo_profile, agency, pytestconfig):
    """The demo site with its demo content; the test holds it as the current site.

    It is created on the real clock: a transaction committed under a frozen
    clock earlier than the last one breaks the test ZODB. Tests freeze the clock
    around the pages they fetch.
    """
    app = functional["app"]
    login(app.acl_users, SITE_OWNER_NAME)
    site = provisioning.create(
        app, demo_profile, agency, load(pytestconfig.rootpath / DEMO_CONTENT)
    )
    # The image scales are stored when first asked for: ask now, so that pages
    # fetched under a frozen clock (earlier than the ZODB's last commit) write nothing.
    hero_images(site, "slideshow")
    setSite(None)
    transaction.commit()
    setSite(site)
    yield site
    setSite(None)


@pytest.fixture
def base_url(functional, demo_commune):
    return f"http://{functional['host']}:{functional['port']}/{demo_commune.getId()}"


@pytest.fixture
def registry(demo_commune):
    return getUtility(IRegistry, context=demo_commune)
