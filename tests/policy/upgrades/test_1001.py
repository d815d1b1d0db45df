"""1001: « Demandes reçues » in the agents' personal menu, added to a commune of 1.0."""

from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID

import pytest


PROFILE = "mairie.policy:default"


@pytest.fixture
def commune_1000(portal):
    """A commune as release 1.0 made it: no « Demandes reçues » entry, profile at 1000."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    portal.portal_actions.user.manage_delObjects(["demandes-recues"])
    portal.portal_setup.setLastVersionForProfile(PROFILE, "1000")
    return portal


def test_the_upgrade_adds_the_requests_received_entry(commune_1000):
    setup = commune_1000.portal_setup
    # A group of steps (<upgradeSteps>) is listed as a list.
    steps = [
        step
        for item in setup.listUpgrades(PROFILE)
        for step in (item if isinstance(item, list) else [item])
    ]
    [step] = [step for step in steps if step["source"] == ("1000",)]
    assert "Demandes reçues" in step["title"]
    setup.upgradeProfile(PROFILE, dest="1001")
    assert setup.getLastVersionForProfile(PROFILE) == ("1001",)
    user = commune_1000.portal_actions.user
    action = user["demandes-recues"]
    assert action.url_expr == "string:${portal_url}/@@demandes-recues"
    assert action.permissions == ("mairie.policy: Manage online requests",)
    assert action.visible
    assert user.objectIds()[0] == "demandes-recues"
    # Plone's own entries are untouched.
    assert {"dashboard", "preferences", "logout"} <= set(user.objectIds())
    assert not user["login"].visible


def test_the_upgrade_run_twice_keeps_one_entry(commune_1000):
    setup = commune_1000.portal_setup
    setup.upgradeProfile(PROFILE, dest="1001")
    setup.setLastVersionForProfile(PROFILE, "1000")
    setup.upgradeProfile(PROFILE, dest="1001")
    assert commune_1000.portal_actions.user.objectIds().count("demandes-recues") == 1
