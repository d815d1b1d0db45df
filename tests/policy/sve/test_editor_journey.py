"""An editor's journey in Chromium: « Nouvelle démarche en ligne », a citizen sends the form,
an agent finds the request from « Demandes reçues » and takes it up; a broken form warns its
editor and tells the citizen why."""

from .people import add_people
from .people import AGENT
from .people import EDITOR
from browser import choose_cookies
from plone import api

import pytest
import re
import transaction


LOGIN_PATH = "espace-agents-test"
pytestmark = pytest.mark.browser


@pytest.fixture
def commune(site):
    add_people(site)
    site.portal_registry["mairie.commune.login_path"] = LOGIN_PATH
    transaction.commit()
    return site


def log_in(chromium, site, account):
    """A French browser that logged in at the commune's secret address, as the staff do."""
    context = chromium.new_context(locale="fr-FR", timezone_id="Europe/Paris")
    page = context.new_page()
    choose_cookies(page, site.absolute_url())
    page.goto(f"{site.absolute_url()}/{LOGIN_PATH}")
    page.fill("#__ac_name", account[0])
    page.fill("#__ac_password", account[1])
    page.press("#__ac_password", "Enter")
    page.wait_for_load_state()
    assert page.locator("#personaltools-logout").count() == 1, page.content()[-3000:]
    return page


def test_editor_makes_a_procedure_a_citizen_uses_it_an_agent_takes_it_up(commune, chromium):
    editor = log_in(chromium, commune, EDITOR)
    editor.goto(commune["demarches"].absolute_url())
    assert editor.locator("#mairie-nouvelle-demarche a").count() == 1  # in the toolbar
    editor.get_by_role("link", name="Nouvelle démarche en ligne").last.click()
    editor.wait_for_load_state()
    editor.get_by_label("Titre de la démarche").fill("Demande de salle")
    editor.get_by_label("Résumé (facultatif)").fill("Salle des fêtes ou salle du conseil")
    editor.get_by_role("button", name="Créer la démarche").click()
    editor.wait_for_load_state()
    message = editor.locator(".portalMessage").first.inner_text()
    assert "« Demande de salle » est créée" in message
    assert "SAL-ANNÉE-000001" in message
    assert editor.locator(".mairie-sve-warning").count() == 0  # nothing to fix
    form_url = editor.url.split("?")[0]
    editor.locator("#plone-contentmenu-workflow > a").click()
    editor.locator("#workflow-transition-publish").click()
    editor.wait_for_load_state()
    transaction.begin()
    form = api.content.get(path="/demarches/demande-de-salle")
    assert form is not None and api.content.get_state(form) == "published"

    anonymous = chromium.new_context(locale="fr-FR", timezone_id="Europe/Paris")
    citizen = anonymous.new_page()
    choose_cookies(citizen, form_url)
    citizen.goto(form_url)
    assert citizen.locator("#personaltools-logout").count() == 0
    assert "CNIL" in citizen.locator("#content").inner_text()  # the RGPD notice
    citizen.fill("#form-widgets-name", "Jeanne Martin")
    citizen.fill("#form-widgets-email", "jeanne.martin@example.net")
    citizen.fill("#form-widgets-message", "La salle des fêtes le samedi 12 juin")
    citizen.click("#form-buttons-submit")
    citizen.wait_for_load_state()
    registered = citizen.locator(".portalMessage").first.inner_text()
    number = re.search(r"SAL-\d{4}-000001", registered)
    assert number, citizen.locator("#content").inner_text()
    anonymous.close()

    agent = log_in(chromium, commune, AGENT)
    agent.goto(commune.absolute_url())
    agent.locator("#personaltools-menulink").click()
    agent.get_by_role("link", name="Demandes reçues").first.click()
    agent.wait_for_load_state()
    assert agent.url.endswith("/@@demandes-recues")
    row = agent.locator("table.mairie-received tr", has_text="Demande de salle")
    assert row.locator("td").first.inner_text().strip() == "1"
    row.get_by_role("link", name="Demande de salle").click()
    agent.wait_for_load_state()
    agent.get_by_role("link", name=number.group(0)).click()
    agent.wait_for_load_state()
    agent.select_option("#sve-new-status", "en-cours")
    agent.get_by_role("button", name="Enregistrer").click()
    agent.wait_for_load_state()
    assert "Le statut a été modifié." in agent.locator(".portalMessage").first.inner_text()
    agent.goto(f"{commune.absolute_url()}/@@demandes-recues")
    row = agent.locator("table.mairie-received tr", has_text="Demande de salle")
    assert [cell.strip() for cell in row.locator("td").all_inner_texts()] == ["0", "1", "1"]
    editor.context.close()
    agent.context.close()


def test_a_broken_form_warns_its_editor_and_tells_the_citizen(commune, chromium):
    with api.env.adopt_roles(["Manager"]):
        form = api.content.create(
            container=commune["demarches"], type="EasyForm", id="salle", title="Salle"
        )
        # The SVE action added by hand to a form whose only fields are a name and a message.
        form.fields_model = (
            '<model xmlns="http://namespaces.plone.org/supermodel/schema"><schema>'
            '<field name="nom" type="zope.schema.TextLine"><title>Nom</title></field>'
            '<field name="message" type="zope.schema.Text"><title>Message</title></field>'
            "</schema></model>"
        )
        form.actions_model = (
            '<model xmlns="http://namespaces.plone.org/supermodel/schema"><schema>'
            '<field name="sve" type="mairie.policy.sve.action.SveAction"><title>SVE</title>'
            "</field></schema></model>"
        )
        api.content.transition(form, "publish")
    transaction.commit()
    url = form.absolute_url()

    editor = log_in(chromium, commune, EDITOR)
    for page in (url, f"{url}/actions"):
        editor.goto(page)
        warning = editor.locator(".mairie-sve-warning")
        assert warning.is_visible()
        assert "pas de champ d'adresse électronique" in warning.inner_text()
        assert "Aucun agent n'est prévenu" in warning.inner_text()
    warning.get_by_role("link", name="Réglages de la saisine en ligne").click()
    editor.wait_for_load_state()
    assert editor.url.rstrip("/").endswith("/actions/sve")
    assert editor.get_by_label("Le silence de l'administration vaut").count() >= 1
    editor.context.close()

    anonymous = chromium.new_context(locale="fr-FR", timezone_id="Europe/Paris")
    citizen = anonymous.new_page()
    choose_cookies(citizen, url)
    citizen.goto(url)
    assert citizen.locator(".mairie-sve-warning").count() == 0
    citizen.fill("#form-widgets-nom", "Jeanne Martin")
    citizen.fill("#form-widgets-message", "Bonjour")
    citizen.click("#form-buttons-submit")
    citizen.wait_for_load_state()
    said = citizen.locator("#content").inner_text()
    assert "pas de champ pour votre adresse électronique" in said
    assert "Rien n'a été enregistré" in said
    anonymous.close()
