"""mairie.rdv 1001: an agenda's services and counters left out of the search, on a commune of 1.0."""

from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.base.utils import get_installer

import pytest


PROFILE = "mairie.rdv:default"
RECORD = "plone.types_not_searched"
SETTINGS = ("mairie.RdvService", "mairie.Counter")


@pytest.fixture
def commune_1000(portal):
    """As release 1.0 left it: the services and counters searchable, profile at 1000;
    the administrator had left out a type of their own."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    get_installer(portal).install_product("mairie.rdv")
    kept = [name for name in api.portal.get_registry_record(RECORD) if name not in SETTINGS]
    api.portal.set_registry_record(RECORD, (*kept, "Link"))
    portal.portal_setup.setLastVersionForProfile(PROFILE, "1000")
    return portal


def test_the_upgrade_leaves_services_and_counters_out_of_the_search(commune_1000):
    setup = commune_1000.portal_setup
    [step] = [
        step
        for item in setup.listUpgrades(PROFILE)
        for step in (item if isinstance(item, list) else [item])
        if step["source"] == ("1000",)
    ]
    assert "recherche" in step["title"]
    setup.upgradeProfile(PROFILE, dest="1001")
    assert setup.getLastVersionForProfile(PROFILE) == ("1001",)
    types = api.portal.get_registry_record(RECORD)
    assert set(SETTINGS) <= set(types)
    assert "Link" in types  # the administrator's own choice is kept
    # Twice gives the same list.
    setup.setLastVersionForProfile(PROFILE, "1000")
    setup.upgradeProfile(PROFILE, dest="1001")
    assert api.portal.get_registry_record(RECORD) == types
