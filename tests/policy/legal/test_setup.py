"""mairie.policy swaps Plone's footer for its own, and gives it back when uninstalled."""

from plone.app.viewletmanager.interfaces import IViewletSettingsStorage
from plone.base.utils import get_installer
from zope.component import getUtility


def hidden_in_footer(portal):
    skin = portal.getCurrentSkinName()
    return getUtility(IViewletSettingsStorage).getHidden("plone.portalfooter", skin)


def test_plone_footer_hidden_then_given_back(integration):
    portal = integration["portal"]
    assert "plone.footer" in hidden_in_footer(portal)
    get_installer(portal).uninstall_product("mairie.policy")
    assert "plone.footer" not in hidden_in_footer(portal)
    # Plone's own choices stay.
    assert "plone.colophon" in hidden_in_footer(portal)
