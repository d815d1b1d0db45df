"""Install and uninstall each mairie add-on."""

from plone.app.theming.interfaces import IThemeSettings
from plone.base.utils import get_installer
from plone.browserlayer.utils import registered_layers
from plone.registry.interfaces import IRegistry
from zope.component import getUtility

import pytest


ADDONS = [
    ("mairie.policy", "IMairiePolicyLayer"),
    ("mairie.themes", "IMairieThemesLayer"),
    ("mairie.rdv", "IMairieRdvLayer"),
    ("mairie.payfip", "IMairiePayfipLayer"),
]


@pytest.mark.parametrize("product,layer", ADDONS)
def test_install_and_uninstall(portal, product, layer):
    installer = get_installer(portal)
    if not installer.is_product_installed(product):
        installer.install_product(product)
    assert installer.is_product_installed(product)
    assert portal.portal_setup.getLastVersionForProfile(f"{product}:default") == ("1000",)
    assert layer in [item.__name__ for item in registered_layers()]

    installer.uninstall_product(product)
    assert not installer.is_product_installed(product)
    assert layer not in [item.__name__ for item in registered_layers()]


def test_uninstall_policy_removes_its_settings_types_and_indexes(portal):
    registry = getUtility(IRegistry)
    assert "mairie.commune.insee_code" in registry.records
    assert "mairie.Act" in portal.portal_types.objectIds()
    assert "mairie.Council" in registry["plone.displayed_types"]
    get_installer(portal).uninstall_product("mairie.policy")
    assert "Folder" in registry["plone.displayed_types"]
    assert not [name for name in registry["plone.displayed_types"] if name.startswith("mairie.")]
    assert not [name for name in registry.records.keys() if name.startswith("mairie.")]
    assert not [name for name in portal.portal_types.objectIds() if name.startswith("mairie.")]
    assert not [name for name in portal.portal_catalog.indexes() if name.startswith("act_")]


def test_uninstall_themes_gives_back_barceloneta(portal):
    installer = get_installer(portal)
    installer.install_product("mairie.themes")
    installer.uninstall_product("mairie.themes")
    assert getUtility(IRegistry).forInterface(IThemeSettings).currentTheme == "barceloneta"
