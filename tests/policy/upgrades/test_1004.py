"""1004: the sections of a commune of 1.0 offer only their own types; an editor's choice stays."""

from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.base.interfaces.constrains import ISelectableConstrainTypes

import logging
import pytest


PROFILE = "mairie.policy:default"


@pytest.fixture
def commune_1003(portal):
    """News and agenda folders as release 1.0 made them (no constraints), profile at 1003."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    for name in ("actualites", "agenda"):
        api.content.create(container=portal, type="Folder", id=name, title=name)
    portal.portal_setup.setLastVersionForProfile(PROFILE, "1003")
    return portal


def _offered(folder):
    return sorted(fti.getId() for fti in folder.allowedContentTypes())


def test_the_sections_offer_their_own_types(commune_1003):
    assert "mairie.ActsRegister" in _offered(commune_1003["actualites"])
    commune_1003.portal_setup.upgradeProfile(PROFILE, dest="1004")
    assert commune_1003.portal_setup.getLastVersionForProfile(PROFILE) == ("1004",)
    assert _offered(commune_1003["actualites"]) == ["File", "Image", "News Item"]
    assert _offered(commune_1003["agenda"]) == ["Event"]


def test_an_editors_choice_is_kept_and_said(commune_1003, caplog):
    ISelectableConstrainTypes(commune_1003["agenda"]).setConstrainTypesMode(0)  # « no limit »
    with caplog.at_level(logging.INFO, logger="mairie.policy"):
        commune_1003.portal_setup.upgradeProfile(PROFILE, dest="1004")
    assert "Event" in _offered(commune_1003["agenda"])
    assert "Document" in _offered(commune_1003["agenda"])
    assert "« agenda » garde les types de contenu choisis par un rédacteur" in caplog.text
    assert _offered(commune_1003["actualites"]) == ["File", "Image", "News Item"]
