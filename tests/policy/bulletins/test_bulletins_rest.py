"""Bulletins through plone.restapi: a file that is not a PDF is refused, nothing is saved."""

from mairie.policy.bulletins.provisioning import sync_bulletins
from plone import api
from zope.component.hooks import setSite

import base64
import pytest
import transaction


@pytest.fixture
def section(functional, demo_profile):
    portal = functional["portal"]
    setSite(portal)
    with api.env.adopt_roles(["Manager"]):
        section = api.content.create(
            container=portal, type="mairie.Bulletins", id="bulletins", title="Bulletins"
        )
        api.content.transition(obj=section, transition="publish")
        sync_bulletins(section, demo_profile.documents.bulletins[:2])
    transaction.commit()
    return section


def bulletin(data: bytes) -> dict:
    return {
        "@type": "mairie.Bulletin",
        "id": "bulletin-43",
        "title": "Le Trait d'union n° 43",
        "number": 43,
        "issue_date": "2026-07-01",
        "file": {
            "data": base64.b64encode(data).decode(),
            "encoding": "base64",
            "filename": "bulletin-43.pdf",
            "content-type": "application/pdf",
        },
    }


def test_a_file_that_is_not_a_pdf_is_refused(section, manager_request):
    response = manager_request.post("/bulletins", json=bulletin(b"<html>pas un PDF</html>"))
    assert response.status_code == 400
    assert "bulletin" in response.json()["message"]
    transaction.begin()
    assert "bulletin-43" not in section


def test_a_pdf_is_accepted(section, manager_request):
    response = manager_request.post("/bulletins", json=bulletin(b"%PDF-1.4\n%%EOF\n"))
    assert response.status_code == 201, response.text
    transaction.begin()
    assert section["bulletin-43"].effective().Date() == "2026/07/01"


def test_issues_are_read_anonymously(section, anon_request):
    listing = anon_request.get("/bulletins").json()
    assert [item["@id"].rsplit("/", 1)[-1] for item in listing["items"]] == [
        "bulletin-42",
        "bulletin-41",
    ]
    issue = anon_request.get("/bulletins/bulletin-42").json()
    assert issue["number"] == 42
    assert issue["file"]["content-type"] == "application/pdf"
    page = anon_request.get(issue["@id"].replace("/++api++", ""), headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert 'type="application/pdf"' in page.text
