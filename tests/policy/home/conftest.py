"""The demo commune, with its demo content, served by the functional layer's HTTP server."""

from mairie.policy.home.hero import hero_images
from mairie.policy.provisioning import site as provisioning
from mairie.policy.provisioning.demo import load
from plone.app.testing import SITE_OWNER_NAME
from plone.registry.interfaces import IRegistry
from plone.testing.zope import login
from zope.component import getUtility
from zope.component.hooks import setSite
from zope.i18n import translate

import lxml.html
import pytest
import requests
import transaction


DEMO_CONTENT = "examples/saint-aubin-sur-loire/demo.yaml"


@pytest.fixture
def commune(functional, demo_profile, agency, pytestconfig):
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
def base_url(functional, commune):
    return f"http://{functional['host']}:{functional['port']}/{commune.getId()}"


@pytest.fixture
def registry(commune):
    return getUtility(IRegistry, context=commune)


def fetch(url, **kwargs):
    """The page at ``url`` for an anonymous visitor, parsed."""
    response = requests.get(url, timeout=60, **kwargs)
    assert response.status_code == 200, url
    return lxml.html.fromstring(response.text)


def french(message):
    return translate(message, target_language="fr")


def text(element):
    return " ".join(element.text_content().split())
