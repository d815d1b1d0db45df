"""1006: a commune of 1.0 gets the pages its accessibility statement now links to."""

from mairie.policy.legal.plans import PLAN_PAGES
from mairie.policy.legal.plans import written_by_the_commune
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID

import logging
import pytest


PROFILE = "mairie.policy:default"


@pytest.fixture
def commune_1005(portal):
    """The statement as release 1.0 made it (« Accessibilité »), profile at 1005."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    portal.portal_workflow.setDefaultChain("simple_publication_workflow")
    api.content.create(container=portal, type="Document", id="accessibilite", title="Accessibilité")
    portal.portal_setup.setLastVersionForProfile(PROFILE, "1005")
    return portal


def test_the_statement_and_its_pages(commune_1005):
    commune_1005.portal_setup.upgradeProfile(PROFILE, dest="1006")
    assert commune_1005.portal_setup.getLastVersionForProfile(PROFILE) == ("1006",)
    assert commune_1005["accessibilite"].Title() == "Déclaration d'accessibilité"
    for page in PLAN_PAGES:
        item = commune_1005[page.id]
        assert api.content.get_state(item) == "published"
        assert item.exclude_from_nav
        assert not written_by_the_commune(item)
    assert commune_1005["schema-pluriannuel-accessibilite"].Title() == (
        "Schéma pluriannuel de mise en accessibilité"
    )
    assert "sera publié sur cette page" in commune_1005["plan-actions-accessibilite"].text.output


def test_an_editors_title_and_pages_stay(commune_1005, caplog):
    commune_1005["accessibilite"].setTitle("Accessibilité du site")
    mine = api.content.create(
        container=commune_1005,
        type="Document",
        id="schema-pluriannuel-accessibilite",
        title="Notre schéma 2026-2028",
    )
    with caplog.at_level(logging.INFO, logger="mairie.policy"):
        commune_1005.portal_setup.upgradeProfile(PROFILE, dest="1006")
    assert commune_1005["accessibilite"].Title() == "Accessibilité du site"
    assert "« Accessibilité du site » garde le titre choisi par un rédacteur" in caplog.text
    assert commune_1005["schema-pluriannuel-accessibilite"].UID() == mine.UID()
    assert mine.Title() == "Notre schéma 2026-2028"
    # A second run has nothing to do.
    commune_1005.portal_setup.setLastVersionForProfile(PROFILE, "1005")
    commune_1005.portal_setup.upgradeProfile(PROFILE, dest="1006")
    assert len([i for i in commune_1005.objectIds() if "accessibilite" in i]) == 4
