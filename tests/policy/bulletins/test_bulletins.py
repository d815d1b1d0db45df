"""The municipal bulletin: issues newest first, real PDFs only, synced from the profile."""

from datetime import date
from datetime import datetime
from datetime import timedelta
from freezegun import freeze_time
from mairie.policy.bulletins.content import IBulletin
from mairie.policy.bulletins.provisioning import sync_bulletins
from pathlib import Path
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.namedfile.file import NamedBlobFile
from zope.schema import ValidationError

import pytest


@pytest.fixture
def section(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    return api.content.create(
        container=portal, type="mairie.Bulletins", id="bulletins", title="Bulletins"
    )


@pytest.fixture
def documents(demo_profile):
    return demo_profile.documents.bulletins


def test_sync_creates_issues_newest_first(section, documents):
    sync_bulletins(section, documents)
    view = section.restrictedTraverse("@@bulletins")
    issues = view.issues()
    assert [issue["number"] for issue in issues] == [42, 41, 40, 39, 38]
    assert section["bulletin-42"].issue_date == date(2026, 4, 2)
    html = view()
    assert "bulletin-42.pdf" in html
    latest = section.aq_parent.restrictedTraverse("@@derniers-bulletins")
    assert len(latest.issues()) == 3


def test_sync_is_idempotent(section, documents):
    sync_bulletins(section, documents)
    before = {issue.getId(): issue.modified() for issue in section.objectValues()}
    with freeze_time(datetime.now() + timedelta(days=1)):
        sync_bulletins(section, documents)
    assert {issue.getId(): issue.modified() for issue in section.objectValues()} == before


def test_a_bulletin_must_be_a_pdf(agency_file):
    fake = NamedBlobFile(data=Path(agency_file).read_bytes(), filename="bulletin.pdf")
    with pytest.raises(ValidationError):
        IBulletin["file"].validate(fake)


def test_issue_page_embeds_the_pdf(section, documents):
    sync_bulletins(section, documents[:1])
    html = section["bulletin-42"].restrictedTraverse("@@bulletin")()
    assert 'type="application/pdf"' in html
    assert "@@download/file/bulletin-42.pdf" in html
