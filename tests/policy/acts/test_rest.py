"""plone.restapi: published acts and sessions readable anonymously; no way around the frozen PDF."""

from datetime import datetime
from plone import api

import base64
import hashlib
import pytest
import transaction


@pytest.fixture
def published(site, helpers):
    with api.env.adopt_roles(["Manager"]):
        session = api.content.create(
            container=site,
            type="mairie.CouncilSession",
            title="",  # plone.api insists; the title follows the date, the id too
            start=datetime(2026, 11, 26, 20, 0),
            state="held",
        )
        act = helpers.add_act(site["actes"], session=session.UID(), vote_for=15)
        draft = helpers.add_act(site["actes"], "2026-043", title="Brouillon")
        for obj in (session, act):
            api.content.transition(obj=obj, transition="publish")
    transaction.commit()
    return {"session": session, "act": act, "draft": draft}


def test_published_act_reads_anonymously(anon_request, published, helpers):
    response = anon_request.get("/actes/2026-042")
    assert response.status_code == 200
    data = response.json()
    assert data["@type"] == "mairie.Act"
    assert data["number"] == "2026-042"
    assert data["nature"]["token"] == "deliberation"
    assert data["decision_date"] == "2026-03-30"
    assert data["subject_code"]["token"] == "7"
    assert data["vote_for"] == 15
    assert data["session"]["token"] == published["session"].UID()
    assert data["sha256"] == hashlib.sha256(helpers.PDF).hexdigest()
    assert data["publication_datetime"].startswith("20")
    assert data["file"]["download"].endswith("/@@download/file")


def test_draft_act_is_not_readable_anonymously(anon_request, published):
    assert anon_request.get("/actes/2026-043").status_code == 401


def test_published_session_reads_anonymously(anon_request, published):
    response = anon_request.get("/seance-2026-11-26")
    assert response.status_code == 200
    data = response.json()
    assert data["start"].startswith("2026-11-26T")
    assert data["state"]["token"] == "held"
    assert data["place"] == "Salle du conseil"


def test_patch_cannot_replace_the_published_pdf(manager_request, published, helpers):
    act = published["act"]
    response = manager_request.patch(
        "/actes/2026-042",
        json={
            "file": {
                "data": base64.b64encode(helpers.OTHER_PDF).decode(),
                "encoding": "base64",
                "filename": "rectifie.pdf",
                "content-type": "application/pdf",
            }
        },
    )
    assert response.status_code == 403, response.text
    assert "error_act_frozen" not in response.text
    transaction.begin()
    assert act.file.data == helpers.PDF


def test_patch_refuses_a_file_that_is_not_a_pdf(manager_request, published, helpers):
    draft = published["draft"]
    response = manager_request.patch(
        "/actes/2026-043",
        json={
            "file": {
                "data": base64.b64encode(helpers.NOT_PDF).decode(),
                "encoding": "base64",
                "filename": "faux.pdf",
                "content-type": "application/pdf",
            }
        },
    )
    assert response.status_code == 400
    assert "n'est pas un document PDF" in response.text
    transaction.begin()
    assert draft.file.data == helpers.PDF
