"""mairie.themes 1001: « Apparence de la commune » opens to the commune's administrators."""

from plone.app.testing import applyProfile
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID


PROFILE = "mairie.themes:default"


def _configlet(portal):
    (configlet,) = [
        action
        for action in portal.portal_controlpanel.listActions()
        if action.id == "mairie-appearance"
    ]
    return configlet


def test_the_appearance_panel_is_the_administrators_too(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    applyProfile(portal, PROFILE)  # provisioning installs it; the test layer does not
    _configlet(portal).permissions = ("Manage portal",)  # as release 1.0 declared it
    portal.portal_setup.setLastVersionForProfile(PROFILE, "1000")
    portal.portal_setup.upgradeProfile(PROFILE, dest="1001")
    assert portal.portal_setup.getLastVersionForProfile(PROFILE) == ("1001",)
    assert _configlet(portal).permissions == ("Plone Site Setup: Site",)
    portal.portal_setup.upgradeProfile(PROFILE, dest="1001")  # twice: one configlet still
    assert _configlet(portal).permissions == ("Plone Site Setup: Site",)
