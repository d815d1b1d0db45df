"""1005: a commune of 1.0 gives the agency's tools back to the Manager alone."""

from AccessControl.PermissionRole import rolesForPermissionOn
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID

import pytest


PROFILE = "mairie.policy:default"
# As Plone 6.2 sets them, and so as a commune of 1.0 has them.
PLONE_ROLES = {
    "Portlets: Manage portlets": ("Manager", "Site Administrator"),
    "Manage Context Aliases": ("Manager", "Site Administrator", "Owner", "Editor"),
    "Plone Site Setup: Themes": ("Manager", "Site Administrator"),
    "plone.app.event: Import Ical": ("Manager", "Site Administrator", "Editor", "Owner"),
}
PLONE_CONFIGLETS = {
    "syndication": "Plone Site Setup: Site",
    "MemberFields": "Plone Site Setup: Users and Groups",
}


def _configlet(portal, action_id):
    return next(
        action for action in portal.portal_controlpanel.listActions() if action.id == action_id
    )


@pytest.fixture
def commune_1004(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    for permission, roles in PLONE_ROLES.items():
        portal.manage_permission(permission, roles, acquire=True)
    for action_id, permission in PLONE_CONFIGLETS.items():
        _configlet(portal, action_id).permissions = (permission,)
    portal.portal_setup.setLastVersionForProfile(PROFILE, "1004")
    return portal


def test_the_agencys_tools_are_the_managers_again(commune_1004):
    assert "Editor" in rolesForPermissionOn("Manage Context Aliases", commune_1004)
    commune_1004.portal_setup.upgradeProfile(PROFILE, dest="1005")
    assert commune_1004.portal_setup.getLastVersionForProfile(PROFILE) == ("1005",)
    for permission in PLONE_ROLES:
        assert set(rolesForPermissionOn(permission, commune_1004)) == {"Manager"}, permission
    for action_id in PLONE_CONFIGLETS:
        assert _configlet(commune_1004, action_id).permissions == ("Manage portal",), action_id
    # The commune's own panels keep their permissions.
    assert _configlet(commune_1004, "mairie-rights").permissions == (
        "Plone Site Setup: Users and Groups",
    )
    # Twice changes nothing.
    commune_1004.portal_setup.upgradeProfile(PROFILE, dest="1005")
    assert (
        len([a for a in commune_1004.portal_controlpanel.listActions() if a.id == "syndication"])
        == 1
    )
