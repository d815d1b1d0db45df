"""A commune's own domain: `mairie domain`, and what it changes (mairie.policy.hosting.domains)."""

from deployment import closed_port
from deployment import mairie
from deployment import write_zope_conf
from mairie.policy.hosting.domains import hosts
from mairie.policy.hosting.domains import set_final_domain
from mairie.policy.interfaces import ICommuneSettings
from mairie.policy.interfaces import ProvisioningError
from mairie.policy.provisioning import settings as provisioning_settings
from pathlib import Path
from plone.app.testing import SITE_OWNER_NAME
from plone.registry.interfaces import IRegistry
from plone.testing.zope import login
from Products.CMFPlone.factory import addPloneSite
from zope.component import getUtility

import pytest
import yaml


ROOT = Path(__file__).resolve().parents[3]


def commune_settings(site):
    registry = getUtility(IRegistry, context=site)
    return registry.forInterface(ICommuneSettings, prefix="mairie.commune")


@pytest.fixture
def two_communes(app, portal):
    login(app.acl_users, SITE_OWNER_NAME)
    other = addPloneSite(app, "autre", extension_ids=("mairie.policy:default",))
    commune_settings(portal).temporary_domain = "plone.communes.example.fr"
    commune_settings(other).temporary_domain = "autre.communes.example.fr"
    return portal, other


def test_own_domain_then_back(app, two_communes):
    portal, _other = two_communes
    assert set_final_domain(app, "plone", " WWW.Commune.FR. ").final == "www.commune.fr"
    assert commune_settings(portal).final_domain == "www.commune.fr"
    assert ("plone", "plone.communes.example.fr", "www.commune.fr") in hosts(app)
    set_final_domain(app, "plone", "")
    assert commune_settings(portal).final_domain == ""


@pytest.mark.parametrize(
    "slug,domain,message",
    [
        ("plone", "autre.communes.example.fr", "error_domain_taken"),
        ("plone", "pas un domaine", "error_domain_invalid"),
        ("plone", "http://www.commune.fr", "error_domain_invalid"),
        ("nulle-part", "www.commune.fr", "error_domain_no_commune"),
    ],
)
def test_bad_domain_changes_nothing(app, two_communes, slug, domain, message):
    portal, other = two_communes
    set_final_domain(app, "autre", "www.autre.fr")
    with pytest.raises(ProvisioningError) as error:
        set_final_domain(app, slug, domain)
    assert error.value.message == message
    assert commune_settings(portal).final_domain in ("", None)
    assert commune_settings(other).final_domain == "www.autre.fr"


def test_update_keeps_the_domain_until_the_profile_names_one(portal, demo_profile, agency):
    profile = demo_profile.model_copy(update={"domains": type(demo_profile.domains)()})
    commune_settings(portal).final_domain = "www.donne-par-la-commande.fr"
    provisioning_settings.store(portal, profile, agency)
    assert commune_settings(portal).final_domain == "www.donne-par-la-commande.fr"
    provisioning_settings.store(portal, demo_profile, agency)
    assert commune_settings(portal).final_domain == "www.saint-aubin-sur-loire.example.fr"


@pytest.mark.deployment
def test_the_operator_commands(tmp_path, demo_profile_file, httpserver):
    """create, domain and proxy, in their own process, on a real FileStorage; the cache
    (a local HTTP server) is told to forget the commune after each change."""
    httpserver.expect_request("/saint-aubin-sur-loire/*", method="PURGE").respond_with_data("")
    agency = yaml.safe_load((ROOT / "examples" / "agency.yaml").read_text())
    agency["proxy"] = {
        "listen": 8095,
        "instances": ["127.0.0.1:8081"],
        "config_dir": "front",
        "cache": f"127.0.0.1:{httpserver.port}",
    }
    agency_file = tmp_path / "agency.yaml"
    agency_file.write_text(yaml.safe_dump(agency, allow_unicode=True))
    zope_conf = write_zope_conf(tmp_path)

    def run(*argv):
        return mairie(zope_conf, agency_file, *argv)

    sites = tmp_path / "front" / "mairie-sites.conf"
    created = run("create", str(demo_profile_file))
    assert created.returncode == 0, created.stderr
    # The new commune answers at once, at its own domain (the demo profile has one).
    assert "www.saint-aubin-sur-loire.example.fr saint-aubin-sur-loire;" in sites.read_text()

    moved = run("domain", "saint-aubin-sur-loire", "www.saint-aubin.fr")
    assert moved.returncode == 0, moved.stderr
    assert "saint-aubin-sur-loire : www.saint-aubin.fr" in moved.stdout
    text = sites.read_text()
    assert "www.saint-aubin.fr saint-aubin-sur-loire;" in text
    assert "saint-aubin-sur-loire.communes.agence.example.fr www.saint-aubin.fr;" in text
    assert "www.saint-aubin-sur-loire.example.fr" not in text
    assert [request.path for request, _response in httpserver.log] == [
        "/saint-aubin-sur-loire/*",  # create
        "/saint-aubin-sur-loire/*",  # domain
    ]

    refused = run("domain", "saint-aubin-sur-loire", "saint aubin")
    assert refused.returncode == 2
    assert "n'est pas un nom de domaine" in refused.stderr
    assert "www.saint-aubin.fr saint-aubin-sur-loire;" in sites.read_text()

    # The cache out of reach: the domain changes all the same, and the operator is told.
    agency["proxy"]["cache"] = f"127.0.0.1:{closed_port()}"
    agency_file.write_text(yaml.safe_dump(agency, allow_unicode=True))
    removed = run("domain", "saint-aubin-sur-loire", "-")
    assert removed.returncode == 0, removed.stderr
    assert "ATTENTION saint-aubin-sur-loire : le cache n'a pas pu être vidé" in removed.stderr
    assert "saint-aubin-sur-loire.communes.agence.example.fr" in removed.stdout
    assert "www.saint-aubin.fr" not in sites.read_text()

    del agency["proxy"]
    agency_file.write_text(yaml.safe_dump(agency, allow_unicode=True))
    no_proxy = run("proxy")
    assert no_proxy.returncode == 2
    assert "proxy" in no_proxy.stderr
