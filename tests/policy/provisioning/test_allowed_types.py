"""« Ajout d'un élément » offers in each section the types that belong there, not 18 everywhere."""

from mairie.policy.provisioning import site as provisioning
from mairie.policy.provisioning.content import ensure_allowed_types
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.base.interfaces.constrains import ISelectableConstrainTypes
from plone.testing.zope import login
from zope.component.hooks import setSite

import pytest
import requests
import transaction


@pytest.fixture
def committed_commune(functional, demo_profile, agency):
    """The demo profile's commune, bare, committed in the functional layer; the current site."""
    app = functional["app"]
    login(app.acl_users, SITE_OWNER_NAME)
    site = provisioning.create(app, demo_profile, agency)
    setSite(None)
    transaction.commit()
    setSite(site)
    yield site
    setSite(None)


def _offered(folder):
    return sorted(fti.getId() for fti in folder.allowedContentTypes())


def test_each_section_offers_its_own_types(committed_commune):
    assert _offered(committed_commune["actualites"]) == ["File", "Image", "News Item"]
    assert _offered(committed_commune["agenda"]) == ["Event"]
    assert _offered(committed_commune["vie-municipale"]["actes"]) == ["mairie.Act"]
    assert _offered(committed_commune["vie-municipale"]["seances"]) == [
        "File",
        "mairie.CouncilSession",
    ]
    assert "mairie.ActsRegister" not in _offered(committed_commune["actualites"])
    assert "mairie.Agenda" in _offered(
        committed_commune["demarches"]
    )  # the demo has the rdv module
    # A folder an editor adds in a section offers what the section offers.
    with api.env.adopt_roles(["Manager"]):
        sub = api.content.create(
            container=committed_commune["vie-municipale"], type="Folder", title="Jumelage"
        )
    assert _offered(sub) == _offered(committed_commune["vie-municipale"])
    assert "News Item" not in _offered(sub)


def test_the_add_menu_over_http(committed_commune, functional):
    base = f"http://{functional['host']}:{functional['port']}/{committed_commune.getId()}"
    page = requests.get(
        f"{base}/actualites/folder_factories",
        auth=(SITE_OWNER_NAME, "secret"),
        timeout=60,
    ).text
    assert "++add++News Item" in page
    assert "++add++mairie.ActsRegister" not in page
    assert "++add++Document" not in page


def test_an_editors_choice_is_kept_and_said(committed_commune):
    news = ISelectableConstrainTypes(committed_commune["actualites"])
    news.setLocallyAllowedTypes(["News Item", "Image", "File", "Document"])
    assert ensure_allowed_types(committed_commune) == ["actualites"]
    assert "Document" in _offered(committed_commune["actualites"])
    # Run twice, provisioning's own lists stay as they are.
    assert ensure_allowed_types(committed_commune) == ["actualites"]
    assert _offered(committed_commune["agenda"]) == ["Event"]
