"""A provisioned demo commune served over HTTP, and French texts to look for."""

from mairie.policy.provisioning import site as provisioning
from plone.app.testing import SITE_OWNER_NAME
from plone.testing.zope import login
from zope.component.hooks import setSite
from zope.i18n import translate

import lxml.html
import pytest
import requests
import transaction


@pytest.fixture
def fr():
    """A message as the French site shows it (the English default until translated)."""
    return lambda message: translate(message, target_language="fr")


@pytest.fixture
def commune(app, demo_profile, agency):
    """A commune created from the demo profile, in the test's own transaction."""
    login(app.acl_users, SITE_OWNER_NAME)
    site = provisioning.create(app, demo_profile, agency)
    yield site
    setSite(None)


@pytest.fixture
def served(functional, demo_profile, agency):
    """Serve a commune created from a profile (the demo one unless given) at localhost, themed."""

    def serve(profile=demo_profile):
        app = functional["app"]
        login(app.acl_users, SITE_OWNER_NAME)
        site = provisioning.create(app, profile, agency)
        base = f"http://{functional['host']}:{functional['port']}/{site.getId()}"
        setSite(None)
        transaction.commit()
        return base

    return serve


@pytest.fixture
def fetch():
    """An anonymous visitor's page, parsed."""

    def get(url):
        response = requests.get(url, timeout=60)
        assert response.status_code == 200, url
        return lxml.html.fromstring(response.text)

    return get


@pytest.fixture
def text_of():
    """The visible text of an element, with its spaces normalised."""
    return lambda tree, selector="#content-core": " ".join(
        tree.cssselect(selector)[0].text_content().split()
    )
