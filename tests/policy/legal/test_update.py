"""mairie update and the legal pages: profile changes reach them, editors' edits stay."""

from mairie.policy.commune.loader import load_profile
from mairie.policy.hosting.domains import set_final_domain
from mairie.policy.legal.provisioning import GENERATED
from mairie.policy.provisioning import site as provisioning
from plone.app.testing import SITE_OWNER_NAME
from plone.app.textfield.value import RichTextValue
from plone.testing.zope import login
from zope.annotation.interfaces import IAnnotations
from zope.component.hooks import setSite

import logging


EDITED = "<p>Texte revu par le secrétariat de mairie.</p>"


def new_mayor(data):
    data["council"]["mayor"] = {"first_name": "Bernard", "last_name": "Lemoine"}


def test_an_edited_page_is_left_to_its_editors(commune, app, agency, write_profile, caplog):
    notice = commune["mentions-legales"]
    notice.text = RichTextValue(EDITED, "text/html", "text/x-html-safe")
    profile = load_profile(write_profile(new_mayor), agency)
    with caplog.at_level(logging.WARNING):
        provisioning.update(app, profile, agency)
        provisioning.update(app, profile, agency)
    assert notice.text.raw == EDITED
    assert "/saint-aubin-sur-loire/mentions-legales was edited" in caplog.text
    # The pages nobody edited follow the profile.
    assert "Bernard Lemoine" in commune["donnees-personnelles"].text.raw
    assert "Catherine Morvan" not in commune["donnees-personnelles"].text.raw


def test_a_page_nobody_edited_follows_the_audit(commune, app, agency, write_profile):
    def audited_again(data):
        data["accessibility"].update(
            state="totalement",
            rate=100,
            audit_date="2027-03-01",
            criteria={"met": 50, "not_met": 0, "not_applicable": 56},
        )

    before = commune["accessibilite"].modified()
    provisioning.update(app, load_profile(write_profile(audited_again), agency), agency)
    statement = commune["accessibilite"].text.raw
    assert "100\u00a0%" in statement and "1er mars 2027" in statement
    assert "critères non respectés : 0 ;" in statement
    assert commune["accessibilite"].modified() > before


def test_a_deleted_legal_page_comes_back(commune, app, demo_profile, agency):
    commune.manage_delObjects(["accessibilite"])
    provisioning.update(app, demo_profile, agency)
    assert "74\u00a0%" in commune["accessibilite"].text.raw


def test_a_page_already_there_is_not_taken_over(app, demo_profile, agency, commune):
    """A "contact" page editors made before is theirs: no generated text, no marker."""
    contact = commune["contact"]
    del IAnnotations(contact)[GENERATED]
    contact.text = RichTextValue(EDITED, "text/html", "text/x-html-safe")
    provisioning.update(app, demo_profile, agency)
    assert contact.text.raw == EDITED


def test_a_profile_without_the_optional_sections(app, agency, write_profile):
    def no_declaration(data):
        del data["accessibility"]
        del data["dpo"]
        del data["links"]
        data["newsletter_widget"] = ""

    login(app.acl_users, SITE_OWNER_NAME)
    site = provisioning.create(app, load_profile(write_profile(no_declaration), agency), agency)
    try:
        statement = site["accessibilite"].text.raw
        assert "%" not in statement
        assert "Défenseur des droits" in statement
        assert site.portal_registry["mairie.commune.accessibility_state"] == "non"
        assert site.portal_registry["mairie.commune.accessibility_rate"] is None
        assert "lettre-d-information" not in site
        # No DPO given: the town hall's address stands for it; no buyer profile: its contact.
        assert (
            "mailto:mairie@saint-aubin-sur-loire.example.fr"
            in site["donnees-personnelles"].text.raw
        )
        procurement = site["ma-mairie"]["marches-publics"].text.raw
        assert "mailto:mairie@saint-aubin-sur-loire.example.fr" in procurement
        assert "marches.example.fr" not in procurement
    finally:
        setSite(None)


def test_the_statement_follows_the_domain_given_by_the_command(commune, app, agency, write_profile):
    """`mairie domain`, then `mairie update` with a profile naming no domain of its own."""

    def no_domain(data):
        data.pop("domains", None)

    set_final_domain(app, "saint-aubin-sur-loire", "www.saint-aubin.fr")
    provisioning.update(app, load_profile(write_profile(no_domain), agency), agency)
    assert "(https://www.saint-aubin.fr)" in commune["accessibilite"].text.raw
