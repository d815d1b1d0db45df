"""Acts, registers and sessions to test with."""

from datetime import date
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.namedfile.file import NamedBlobFile
from zope.component.hooks import setSite
from zope.i18n import translate

import html
import pytest
import transaction


PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
OTHER_PDF = b"%PDF-1.4\n% a corrected text\n%%EOF\n"
NOT_PDF = b"PK\x03\x04 this is a .docx renamed .pdf"


def pdf(data=PDF, filename="acte.pdf"):
    return NamedBlobFile(data=data, filename=filename, contentType="application/pdf")


def add_act(container, number="2026-042", **fields):
    values = {
        "title": "Budget primitif 2026",
        "nature": "deliberation",
        "decision_date": date(2026, 3, 30),
        "subject_code": "7",
        "subject_subcode": "7.1",
        "subject_label": "Décisions budgétaires",
        "file": pdf(),
    }
    values.update(fields)
    return api.content.create(
        container=container, type="mairie.Act", id=number, number=number, **values
    )


@pytest.fixture
def editor_portal(portal):
    setSite(portal)
    setRoles(portal, TEST_USER_ID, ["Manager"])
    # plone.app.testing's site has no default workflow; a real Plone site
    # has simple_publication_workflow, whose « published » state the acts use.
    portal.portal_workflow.setDefaultChain("simple_publication_workflow")
    with api.env.adopt_roles(["Manager"]):
        yield portal


@pytest.fixture
def acts_register(editor_portal):
    return api.content.create(
        container=editor_portal, type="mairie.ActsRegister", id="actes", title="Registre des actes"
    )


def fr(message):
    """A message as the French site shows it (the English default until translated)."""
    return translate(message, target_language="fr")


def page(browser):
    """The browser's page as text, entities decoded, so translations can be sought."""
    return html.unescape(browser.contents)


class Helpers:
    """What the acts tests share (conftest modules are not importable here)."""

    PDF = PDF
    OTHER_PDF = OTHER_PDF
    NOT_PDF = NOT_PDF
    pdf = staticmethod(pdf)
    add_act = staticmethod(add_act)
    fr = staticmethod(fr)
    page = staticmethod(page)


@pytest.fixture
def helpers():
    return Helpers


@pytest.fixture
def site(functional):
    """The functional site, as a browser or a REST client finds it after a commit."""
    portal = functional["portal"]
    setSite(portal)
    portal.portal_workflow.setDefaultChain("simple_publication_workflow")
    api.portal.set_registry_record("plone.default_language", "fr")
    with api.env.adopt_roles(["Manager"]):
        acts = api.content.create(
            container=portal, type="mairie.ActsRegister", id="actes", title="Registre des actes"
        )
        api.content.transition(obj=acts, transition="publish")
    transaction.commit()
    return portal


@pytest.fixture
def browser(functional, site):
    """A manager's browser (zope.testbrowser on the WSGI app)."""
    from plone.app.testing import SITE_OWNER_NAME
    from plone.app.testing import SITE_OWNER_PASSWORD
    from plone.testing.zope import Browser

    browser = Browser(functional["app"])
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    return browser
