"""mairie create / update on a real Plone application (integration layer)."""

from App.config import getConfiguration
from datetime import datetime
from datetime import timedelta
from freezegun import freeze_time
from mairie.policy.commune.loader import load_profile
from mairie.policy.interfaces import ICommuneSettings
from mairie.policy.interfaces import ProvisioningError
from mairie.policy.provisioning import content
from mairie.policy.provisioning import site as provisioning
from pathlib import Path
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.theming.interfaces import IThemeSettings
from plone.base.utils import get_installer
from plone.portlets.interfaces import IPortletAssignmentMapping
from plone.portlets.interfaces import IPortletAssignmentSettings
from plone.portlets.interfaces import IPortletManager
from plone.registry.interfaces import IRegistry
from plone.testing.zope import login
from zope.component import getMultiAdapter
from zope.component import getUtilitiesFor
from zope.component import getUtility
from zope.component.hooks import setSite

import json
import pytest
import transaction


SLUG = "saint-aubin-sur-loire"


@pytest.fixture(autouse=True)
def operator(app):
    """Provisioning runs as a Zope manager, as the mairie command does."""
    login(app.acl_users, SITE_OWNER_NAME)


def settings(site):
    return getUtility(IRegistry, context=site).forInterface(
        ICommuneSettings, prefix="mairie.commune"
    )


def snapshot(site):
    """Everything provisioning writes: registry records, content, add-ons, theme."""
    registry = getUtility(IRegistry, context=site)
    records = {
        name: registry[name]
        for name in registry.records.keys()
        if name.startswith(("mairie.", "plone.site_", "plone.email", "plone.smtp"))
        or name.startswith("plone.app.theming")
    }
    catalog = api.portal.get_tool("portal_catalog")
    paths = sorted(
        (brain.getPath(), brain.review_state, brain.modified.ISO8601())
        for brain in catalog.unrestrictedSearchResults(path="/" + site.getId())
    )
    installer = get_installer(site)
    addons = sorted(
        product
        for product in ("mairie.rdv", "mairie.payfip", "mairie.themes")
        if installer.is_product_installed(product)
    )
    return records, paths, addons


def test_create(commune, demo_profile):
    assert commune.getId() == SLUG
    assert commune.title == "Mairie de Saint-Aubin-sur-Loire"
    assert commune.Language() == "fr"
    assert api.portal.get_registry_record("plone.portal_timezone") == "Europe/Paris"
    assert api.portal.get_registry_record("plone.default_language") == "fr"
    assert api.portal.get_registry_record("plone.email_from_address") == (
        "no-reply@saint-aubin-sur-loire.example.fr"
    )
    assert api.portal.get_registry_record("plone.email_from_name") == commune.title
    assert commune.MailHost.smtp_host == "localhost"
    # Mails go through a disk queue in the instance's var folder (mairie.policy.mailqueue).
    assert commune.MailHost.smtp_queue
    assert commune.MailHost.smtp_queue_directory == str(
        Path(getConfiguration().clienthome) / "mailqueue" / SLUG
    )
    assert api.portal.get_registry_record("plone.site_logo").startswith(b"filenameb64:")
    assert api.portal.get_registry_record("plone.site_favicon_mimetype") == "image/png"


def test_every_profile_value_is_in_the_registry(commune):
    values = settings(commune)
    assert values.insee_code == "49277"
    assert values.siret == "21499999700015"
    assert values.postal_codes == ("49170",)
    assert values.population == 4320
    assert (values.plan, values.plan_title, values.plan_quota_gb) == ("ma-commune", "Ma commune", 2)
    assert values.template == "bocage"
    assert values.modules == ("payfip", "rdv")
    assert values.email_contact == "mairie@saint-aubin-sur-loire.example.fr"
    assert values.palette_primary == "#1f4e79"
    assert values.coat_of_arms.startswith(b"filenameb64:")
    assert values.opening_hours["lundi"] == "08:30-12:00 13:30-17:30"
    assert "dimanche" not in values.opening_hours
    council = json.loads(values.council)
    assert council[0] == {
        "role": "maire",
        "rank": 0,
        "civility": "madame",
        "first_name": "Catherine",
        "last_name": "Morvan",
    }
    assert [member["rank"] for member in council[1:]] == [1, 2, 3, 4, 5]
    assert values.social_links["facebook"] == "https://www.facebook.com/saintaubinsurloire"
    assert values.buyer_profile_url.startswith("https://marches.")
    assert values.admin_ip_allowlist == ("203.0.113.0/24", "2001:db8:49::/48")
    assert values.temporary_domain == "saint-aubin-sur-loire.communes.agence.example.fr"
    assert values.final_domain == "www.saint-aubin-sur-loire.example.fr"
    assert values.map_tiles == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    assert values.map_attribution == "© les contributeurs d'OpenStreetMap"
    assert (values.accessibility_state, values.accessibility_rate) == ("partiellement", 74)
    assert values.accessibility_audit_date.isoformat() == "2026-10-05"
    assert values.accessibility_audited_by.startswith("Cabinet Accès pour tous")
    assert values.accessibility_pages_tested[0] == "Accueil"
    assert len(values.accessibility_non_conformities) == 3
    assert values.accessibility_disproportionate_burden == ()
    assert values.accessibility_out_of_scope[0].startswith("Les bulletins municipaux")
    assert values.accessibility_test_environment[1] == "Safari 17 et VoiceOver (macOS 14)"
    assert values.accessibility_tools[0] == "axe-core"
    assert values.accessibility_contact_email == "accessibilite@saint-aubin-sur-loire.example.fr"
    assert values.dpo_name.startswith("Syndicat mixte Anjou Données")
    assert values.dpo_email == "dpo@anjou-donnees.example.fr"
    assert values.dpo_address == "5 rue des Lices, 49100 Angers"
    assert values.newsletter_widget.startswith('<form class="lettre-inscription"')
    assert api.portal.get_registry_record("mairie.agency.host_phone") == "02 41 00 00 00"


def test_template_and_modules(commune):
    theme = getUtility(IRegistry, context=commune).forInterface(IThemeSettings)
    assert theme.enabled
    assert theme.currentTheme == "mairie-bocage"
    installer = get_installer(commune)
    for product in ("mairie.policy", "mairie.themes", "mairie.rdv", "mairie.payfip"):
        assert installer.is_product_installed(product), product


def test_structure_and_content(commune):
    bulletins = commune["vie-municipale"]["bulletins"]
    assert len(bulletins.objectIds()) == 5
    bulletin = bulletins["bulletin-42"]
    assert bulletin.file.contentType == "application/pdf"
    assert bulletin.file.data.startswith(b"%PDF-")
    assert bulletin.effective().strftime("%Y-%m-%d") == "2026-04-02"
    assert bulletin.portal_type == "mairie.Bulletin"
    assert bulletin.cover.data.startswith(b"\xff\xd8")  # the JPEG cover of the profile
    assert len(commune["vie-municipale"]["seances"].objectIds()) == 5
    assert commune["vie-municipale"]["actes"].portal_type == "mairie.ActsRegister"
    council = commune["vie-municipale"]["conseil-municipal"]
    assert council.portal_type == "mairie.Council"
    assert len(council.objectIds()) == 6
    assert list(commune["images-en-tete"].objectIds()) == ["bords-de-loire", "coteaux"]
    news = commune["actualites"]
    assert len(news.objectIds()) == 3
    for item in news.objectValues():
        assert api.content.get_state(item) == "published"
        assert item.text.output.startswith("<p>")
    assert commune["actualites"].title == "Actualités"


def test_navigation_sections(commune):
    sections = [
        (item.getId(), item.title) for item in commune.objectValues() if not item.exclude_from_nav
    ]
    assert sections[:6] == [
        ("ma-mairie", "Ma mairie"),
        ("vie-municipale", "Vie municipale"),
        ("demarches", "Démarches"),
        ("vivre-a", "Vivre à Saint-Aubin-sur-Loire"),
        ("actualites", "Actualités"),
        ("agenda", "Agenda"),
    ]


def test_create_again_is_refused(commune, app, demo_profile, agency):
    with pytest.raises(ProvisioningError) as raised:
        provisioning.create(app, demo_profile, agency)
    assert raised.value.message.mapping["slug"] == SLUG


def test_update_is_idempotent(commune, app, demo_profile, agency):
    provisioning.update(app, demo_profile, agency)
    before = snapshot(commune)
    # A day later: anything touched again would show a new modification date.
    with freeze_time(datetime.now() + timedelta(days=1)):
        provisioning.update(app, demo_profile, agency)
    assert snapshot(commune) == before


def test_update_applies_changes(commune, app, agency, write_profile):
    def change(data):
        data["commune"]["modules"] = ["rdv"]
        data["commune"]["template"] = "granit"
        data["identity"]["slogan"] = "Une commune au bord de l'eau"
        data["documents"]["bulletins"][0]["title"] = "Le Trait d'union n° 42 (corrigé)"

    profile = load_profile(write_profile(change), agency)
    provisioning.update(app, profile, agency)
    assert settings(commune).slogan == "Une commune au bord de l'eau"
    assert commune.description == "Une commune au bord de l'eau"
    assert (
        getUtility(IRegistry, context=commune).forInterface(IThemeSettings).currentTheme
        == "mairie-granit"
    )
    installer = get_installer(commune)
    assert installer.is_product_installed("mairie.rdv")
    assert not installer.is_product_installed("mairie.payfip")
    assert commune["vie-municipale"]["bulletins"]["bulletin-42"].title.endswith("(corrigé)")


def test_update_of_a_missing_commune(app, demo_profile, agency):
    with pytest.raises(ProvisioningError):
        provisioning.update(app, demo_profile, agency)


def test_no_half_site_when_creation_fails(app, demo_profile, agency, monkeypatch):
    def broken(site, profile):
        raise RuntimeError("disk full")

    monkeypatch.setattr(content, "create_news", broken)
    savepoint = transaction.savepoint()
    with pytest.raises(RuntimeError):
        provisioning.create(app, demo_profile, agency)
    setSite(None)
    savepoint.rollback()
    assert SLUG not in app.objectIds()


def test_root_portlets_are_read_without_writing(commune):
    """Their settings exist, so an editor's pages write nothing (no « confirm-action »)."""
    assignments = [
        assignment
        for _name, manager in getUtilitiesFor(IPortletManager, context=commune)
        for assignment in getMultiAdapter((commune, manager), IPortletAssignmentMapping).values()
    ]
    assert assignments
    transaction.savepoint(optimistic=True)  # what provisioning wrote is now stored
    for assignment in assignments:
        IPortletAssignmentSettings(assignment)
        assert not assignment._p_changed
