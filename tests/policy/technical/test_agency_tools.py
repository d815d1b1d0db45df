"""Plone's tools that mean nothing to a secrétaire de mairie are the agency's (Manager's) only.

Over HTTP, as each account reads the back-office: the toolbar and menus of an editor
and of the commune's administrator no longer offer portlets, « Gestion des URL », the
dashboard, the panels of theming, TinyMCE, types, rules… nor EasyForm's XML models;
the Manager (the agency) keeps every one of them.
"""

from AccessControl.PermissionRole import rolesForPermissionOn
from mairie.policy.accounts.groups import ensure_groups
from mairie.policy.accounts.settings import settings
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from zope.component.hooks import setSite

import html
import pytest
import requests
import transaction


PASSWORD = "cheval agrafe batterie correcte 42"
EDITOR = ("redactrice", PASSWORD)
ADMINISTRATOR = ("secretaire", PASSWORD)
MANAGER = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
TOOLBAR_JARGON = ("Gestion des URL", "Gérer les portlets", "Tableau de bord")
# Titles in « Configuration du site » that are the agency's.
PANELS_JARGON = (
    "Thème",
    "TinyMCE",
    "Gestion des URL",
    "Envoi de courriels",
    "Syndication",
    "Médias sociaux",
    "Registre des ressources",
    "Formatage du texte",
    "Filtrage HTML",
    "Paramètres des types de contenus",
    "Champs du profil utilisateur",
    "Règles",
    "Relations",
    "Langues",
    "Date et Heure",
)
PANELS_KEPT = ("Utilisateurs", "Groupes", "Qui peut faire quoi", "Site")
XML_MODEL = "modèle XML"


@pytest.fixture
def site(functional):
    portal = functional["portal"]
    setSite(portal)
    portal.portal_workflow.setDefaultChain("simple_publication_workflow")
    with api.env.adopt_roles(["Manager"]):
        ensure_groups(portal)
        for (login, _password), group in (
            (EDITOR, "redacteurs"),
            (ADMINISTRATOR, "administrateurs-commune"),
        ):
            api.user.create(username=login, email=f"{login}@example.net", password=PASSWORD)
            api.group.add_user(groupname=group, username=login)
        api.content.create(container=portal, type="Document", id="page", title="Page")
        api.content.create(container=portal, type="EasyForm", id="formulaire", title="Formulaire")
        # The administrators' second factor is tested with the accounts; not the point here.
        settings().totp_required_roles = ()
    transaction.commit()
    return portal


def _page(url, auth) -> str:
    response = requests.get(url, auth=auth, timeout=30)
    assert response.status_code == 200, (url, response.status_code)
    return html.unescape(response.text)


@pytest.mark.parametrize("account", [EDITOR, ADMINISTRATOR], ids=["editor", "administrator"])
def test_the_communes_staff_meet_no_plone_jargon(site, account):
    url = site.absolute_url()
    toolbar = _page(f"{url}/page", account)
    assert "Modifier" in toolbar  # she does edit the page
    assert [word for word in TOOLBAR_JARGON if word in toolbar] == []
    for model in ("fields", "actions"):
        assert XML_MODEL not in _page(f"{url}/formulaire/{model}", account)
    for tool in ("page/@@manage-aliases", "page/@@manage-portlets", "@@redirection-controlpanel"):
        response = requests.get(f"{url}/{tool}", auth=account, timeout=30)
        assert response.status_code != 200 or "portlet" not in response.text.lower(), tool


def test_the_icalendar_import_is_the_agencys(site):
    """« Enable icalendar import », in English in a folder's « Actions » menu of the demo."""
    roles = set(rolesForPermissionOn("plone.app.event: Import Ical", site))
    assert roles == {"Manager"}


def test_the_communes_administrator_keeps_her_own_panels_only(site):
    overview = _page(f"{site.absolute_url()}/@@overview-controlpanel", ADMINISTRATOR)
    assert [title for title in PANELS_JARGON if f">{title}<" in overview] == []
    assert [title for title in PANELS_KEPT if title not in overview] == []


def test_the_agency_keeps_every_tool(site):
    url = site.absolute_url()
    toolbar = _page(f"{url}/page", MANAGER)
    assert [word for word in TOOLBAR_JARGON if word not in toolbar] == []
    for model in ("fields", "actions"):
        assert XML_MODEL in _page(f"{url}/formulaire/{model}", MANAGER)
    overview = _page(f"{url}/@@overview-controlpanel", MANAGER)
    assert [title for title in PANELS_JARGON if title not in overview] == []


AGENCY_PAGES = (
    "@@dateandtime-controlpanel",
    "@@resourceregistry-controlpanel",
    "@@social-controlpanel",
    "@@usergroup-controlpanel",
    "@@member-fields",
    "formulaire/fields/@@modeleditor",
    "formulaire/actions/@@modeleditor",
)
# An action whose condition is TALES: what EasyForm keeps to « Edit TALES Fields ».
TALES_ACTIONS = (
    '<model xmlns="http://namespaces.plone.org/supermodel/schema"'
    ' xmlns:easyform="http://namespaces.plone.org/supermodel/easyform"><schema>'
    '<field name="mailer" type="collective.easyform.actions.Mailer"'
    ' easyform:execCondition="python: 1"><title>Mailer</title></field>'
    "</schema></model>"
)


@pytest.mark.parametrize("account", [EDITOR, ADMINISTRATOR], ids=["editor", "administrator"])
def test_the_agencys_pages_are_refused_to_the_staff_not_only_hidden(site, account):
    """Hidden from the menus, these pages still opened at their address (and the resource
    registry adds JavaScript to every page, the XML model TALES run on each submission)."""
    url = site.absolute_url()
    for page in AGENCY_PAGES:
        response = requests.get(f"{url}/{page}", auth=account, timeout=30, allow_redirects=False)
        assert _refused(response), (page, response.status_code)
    before = site.formulaire.actions_model
    response = requests.post(
        f"{url}/formulaire/actions/@@modeleditor",
        auth=account,
        data={"source": TALES_ACTIONS, "form.button.save": "1"},
        timeout=30,
        allow_redirects=False,
    )
    assert _refused(response)
    site._p_jar.sync()
    assert site.formulaire.actions_model == before
    # plone.restapi changed any registry panel (the mail server too) for the site setup's
    # readers; the staff have the back-office's own panels, not these.
    headers = {"Accept": "application/json", "Content-Type": "application/json"}
    for method in ("get", "patch"):
        response = getattr(requests, method)(
            f"{url}/@controlpanels/mail",
            auth=account,
            headers=headers,
            json={"smtp_host": "mail.example.net"} if method == "patch" else None,
            timeout=30,
        )
        assert _refused(response), (method, response.status_code)
    assert api.portal.get_registry_record("plone.smtp_host") != "mail.example.net"


def test_the_agency_opens_its_pages(site):
    url = site.absolute_url()
    for page in AGENCY_PAGES:
        response = requests.get(f"{url}/{page}", auth=MANAGER, timeout=30)
        assert response.status_code == 200, (page, response.status_code)
    response = requests.get(
        f"{url}/@controlpanels/mail",
        auth=MANAGER,
        headers={"Accept": "application/json"},
        timeout=30,
    )
    assert response.status_code == 200


def _refused(response) -> bool:
    """Forbidden, or Plone's own refusal: a redirection to its « insufficient privileges »."""
    if response.status_code in (401, 403):
        return True
    location = response.headers.get("Location", "")
    return response.status_code == 302 and ("require_login" in location or "login" in location)
