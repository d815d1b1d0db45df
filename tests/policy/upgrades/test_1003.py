"""1003: « Actualités » of a commune of 1.0 lists its news newest first, with their dates."""

from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID

import logging
import pytest


PROFILE = "mairie.policy:default"


@pytest.fixture
def commune_1002(portal):
    """The news folder as release 1.0 provisioned it (summary_view), profile at 1002."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    folder = api.content.create(
        container=portal, type="Folder", id="actualites", title="Actualités"
    )
    folder.setLayout("summary_view")
    portal.portal_setup.setLastVersionForProfile(PROFILE, "1002")
    return portal


def _upgrade(portal):
    setup = portal.portal_setup
    setup.upgradeProfile(PROFILE, dest="1003")
    assert setup.getLastVersionForProfile(PROFILE) == ("1003",)


def test_the_news_folder_gets_the_dated_listing(commune_1002):
    _upgrade(commune_1002)
    assert commune_1002["actualites"].getLayout() == "liste-des-actualites"
    # Twice: the same.
    commune_1002.portal_setup.setLastVersionForProfile(PROFILE, "1002")
    _upgrade(commune_1002)
    assert commune_1002["actualites"].getLayout() == "liste-des-actualites"


def test_a_view_an_editor_chose_is_kept(commune_1002, caplog):
    commune_1002["actualites"].setLayout("album_view")
    with caplog.at_level(logging.INFO, logger="mairie.policy"):
        _upgrade(commune_1002)
    assert commune_1002["actualites"].getLayout() == "album_view"
    assert "garde la vue choisie par un rédacteur (album_view)" in caplog.text
