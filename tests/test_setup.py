"""Install and uninstall each mairie add-on."""

from plone.app.theming.interfaces import IThemeSettings
from plone.base.interfaces import INonInstallable
from plone.base.utils import get_installer
from plone.browserlayer.utils import registered_layers
from plone.registry.interfaces import IRegistry
from zope.component import getAllUtilitiesRegisteredFor
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
    # The version of the code (metadata.xml), whatever release this is.
    setup = portal.portal_setup
    code_version = tuple(setup.getVersionForProfile(f"{product}:default").split("."))
    assert setup.getLastVersionForProfile(f"{product}:default") == code_version
    assert layer in [item.__name__ for item in registered_layers()]

    installer.uninstall_product(product)
    assert not installer.is_product_installed(product)
    assert layer not in [item.__name__ for item in registered_layers()]


@pytest.mark.parametrize("product", [product for product, _layer in ADDONS])
def test_uninstall_and_upgrade_profiles_are_hidden(portal, product):
    installer = get_installer(portal)
    hidden = set()
    for utility in getAllUtilitiesRegisteredFor(INonInstallable):
        hidden.update(utility.getNonInstallableProfiles())
    assert f"{product}:uninstall" in hidden
    assert f"{product}:default" not in hidden
    assert installer.is_product_installable(product)
    assert not installer.is_product_installable(f"{product}.upgrades")


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
