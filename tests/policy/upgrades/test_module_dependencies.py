"""mairie.rdv 1002 and mairie.payfip 1001: each module declares mairie.policy's profile.

On a commune (mairie.policy installed, as provisioning always does) only the
version moves; a site lacking the policy's profile gets it.
"""

from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.base.utils import get_installer
from plone.registry.interfaces import IRegistry
from zope.component import getUtility

import pytest


POLICY = "mairie.policy:default"
RECORD = "mairie.commune.insee_code"
MODULES = [("mairie.rdv", "1001", "1002"), ("mairie.payfip", "1000", "1001")]


@pytest.fixture(params=MODULES, ids=[product for product, *_versions in MODULES])
def module(request, portal):
    """The module installed as the previous release left it: its profile one version back."""
    product, source, dest = request.param
    setRoles(portal, TEST_USER_ID, ["Manager"])
    get_installer(portal).install_product(product)
    portal.portal_setup.setLastVersionForProfile(f"{product}:default", source)
    return f"{product}:default", source, dest


def _upgrade(portal, profile, source, dest):
    setup = portal.portal_setup
    [step] = [
        step
        for item in setup.listUpgrades(profile)
        for step in (item if isinstance(item, list) else [item])
        if step["source"] == (source,)
    ]
    assert "mairie.policy" in step["title"]
    setup.upgradeProfile(profile, dest=dest)
    assert setup.getLastVersionForProfile(profile) == (dest,)


def test_the_module_declares_the_policy(portal, module):
    profile, _source, _dest = module
    assert portal.portal_setup.getDependenciesForProfile(profile) == (f"profile-{POLICY}",)


def test_a_commune_keeps_its_policy_as_it_is(portal, module):
    setup = portal.portal_setup
    version = setup.getLastVersionForProfile(POLICY)
    api.portal.set_registry_record(RECORD, "49000")
    _upgrade(portal, *module)
    # Not imported again: the commune's own value stays.
    assert api.portal.get_registry_record(RECORD) == "49000"
    assert setup.getLastVersionForProfile(POLICY) == version


def test_a_site_without_the_policy_gets_it(portal, module):
    setup = portal.portal_setup
    setup.unsetLastVersionForProfile(POLICY)
    del getUtility(IRegistry).records[RECORD]
    _upgrade(portal, *module)
    assert setup.getLastVersionForProfile(POLICY) == tuple(
        setup.getVersionForProfile(POLICY).split(".")
    )
    assert RECORD in getUtility(IRegistry).records
