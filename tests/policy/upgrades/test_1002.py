"""1002: the mairie's coordinates in the commune's settings, and our robots.txt."""

from mairie.policy.crawlers.robots import robots_txt
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.base.interfaces.controlpanel import ROBOTS_TXT as PLONE_ROBOTS_TXT

import pytest


PROFILE = "mairie.policy:default"
RECORDS = ("mairie.commune.address_latitude", "mairie.commune.address_longitude")


@pytest.fixture
def commune_1001(portal):
    """A commune before 1002: no coordinates records, Plone's robots.txt, profile at 1001."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    registry = portal.portal_registry
    for name in RECORDS:
        del registry.records[name]
    registry["plone.robots_txt"] = PLONE_ROBOTS_TXT
    registry["mairie.commune.address_city"] = "Saint-Aubin-sur-Loire"
    portal.portal_setup.setLastVersionForProfile(PROFILE, "1001")
    return portal


def test_the_upgrade_adds_the_records_and_our_robots_txt(commune_1001):
    setup = commune_1001.portal_setup
    setup.upgradeProfile(PROFILE, dest="1002")
    assert setup.getLastVersionForProfile(PROFILE) == ("1002",)
    registry = commune_1001.portal_registry
    assert [registry[name] for name in RECORDS] == [None, None]
    assert registry["mairie.commune.address_city"] == "Saint-Aubin-sur-Loire"
    assert registry["plone.robots_txt"] == robots_txt()


def test_an_edited_robots_txt_is_kept_and_twice_changes_nothing(commune_1001):
    registry = commune_1001.portal_registry
    edited = PLONE_ROBOTS_TXT + "Disallow: /brouillons\n"
    registry["plone.robots_txt"] = edited
    setup = commune_1001.portal_setup
    setup.upgradeProfile(PROFILE, dest="1002")
    registry["mairie.commune.address_latitude"] = 47.3925
    setup.setLastVersionForProfile(PROFILE, "1001")
    setup.upgradeProfile(PROFILE, dest="1002")
    assert registry["plone.robots_txt"] == edited
    assert registry["mairie.commune.address_latitude"] == 47.3925
