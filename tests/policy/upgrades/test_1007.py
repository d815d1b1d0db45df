"""1007: « Conformité de la commune » appears in the site setup of a commune of 1.0."""

PROFILE = "mairie.policy:default"


def _configlets(portal):
    return {action.id: action for action in portal.portal_controlpanel.listActions()}


def test_the_configlet_is_added(portal):
    portal.portal_controlpanel.unregisterConfiglet("mairie-conformity")
    portal.portal_setup.setLastVersionForProfile(PROFILE, "1006")
    assert "mairie-conformity" not in _configlets(portal)
    portal.portal_setup.upgradeProfile(PROFILE, dest="1007")
    assert portal.portal_setup.getLastVersionForProfile(PROFILE) == ("1007",)
    configlet = _configlets(portal)["mairie-conformity"]
    assert configlet.permissions == ("Plone Site Setup: Overview",)
    assert "@@conformite" in configlet.getActionExpression()
    # Twice: nothing more.
    portal.portal_setup.setLastVersionForProfile(PROFILE, "1006")
    portal.portal_setup.upgradeProfile(PROFILE, dest="1007")
    ids = [action.id for action in portal.portal_controlpanel.listActions()]
    assert ids.count("mairie-conformity") == 1
