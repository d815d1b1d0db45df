"""The municipal bulletin: issues newest first, real PDFs only, synced from the profile."""

from datetime import date
from datetime import datetime
from datetime import timedelta
from freezegun import freeze_time
from mairie.policy.bulletins.content import IBulletin
from mairie.policy.bulletins.latest import latest_bulletins
from mairie.policy.bulletins.provisioning import issue_number
from mairie.policy.bulletins.provisioning import sync_bulletins
from mairie.policy.commune.schema import BulletinIssue
from pathlib import Path
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.namedfile.file import NamedBlobFile
from zope.schema import ValidationError

import pytest


COVER = Path(__file__).parents[3] / "examples/saint-aubin-sur-loire/images/bulletin-41.jpg"


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
    sync_bulletins(section, list(reversed(documents)))
    view = section.restrictedTraverse("@@bulletins")
    issues = view.issues()
    assert [issue["number"] for issue in issues] == [42, 41, 40, 39, 38]
    issue = section["bulletin-42"]
    assert issue.issue_date == date(2026, 4, 2)
    assert issue.effective().Date() == "2026/04/02"
    assert api.content.get_state(issue) == "published"
    html = view()
    assert "@@download/file/bulletin-42.pdf" in html
    assert html.index("n° 42") < html.index("n° 41")
    assert 'datetime="2026-04-02"' in html
    assert "Ko" in html


def test_latest_issues(section, documents):
    sync_bulletins(section, documents)
    assert [issue.number for issue in latest_bulletins(section)] == [42, 41, 40]
    assert [issue.number for issue in latest_bulletins(section, limit=1)] == [42]
    assert len(latest_bulletins(section, limit=None)) == 5
    portal = section.aq_parent
    fragment = portal.restrictedTraverse("@@derniers-bulletins")
    assert [issue["number"] for issue in fragment.issues()] == [42, 41, 40]
    html = fragment()
    assert html.lstrip().startswith("<section")
    assert "<html" not in html
    portal.REQUEST.form["n"] = "2"
    assert [issue["number"] for issue in fragment.issues()] == [42, 41]
    portal.REQUEST.form["n"] = "beaucoup"
    assert len(fragment.issues()) == 3


def test_listing_is_batched(section, documents):
    sync_bulletins(section, documents)
    view = section.restrictedTraverse("@@bulletins")
    view.page_size = 2
    assert [issue["number"] for issue in view.issues()] == [42, 41]
    section.REQUEST.form["b_start"] = "4"
    assert [issue["number"] for issue in view.issues()] == [38]


def test_editing_the_issue_date_moves_the_issue(section, documents):
    sync_bulletins(section, documents)
    from zope.event import notify
    from zope.lifecycleevent import ObjectModifiedEvent

    issue = section["bulletin-38"]
    issue.issue_date = date(2026, 6, 1)
    notify(ObjectModifiedEvent(issue))
    assert [issue.number for issue in latest_bulletins(section, limit=2)] == [38, 42]


def test_sync_is_idempotent(section, documents):
    sync_bulletins(section, documents)
    before = {issue.getId(): issue.modified() for issue in section.objectValues()}
    with freeze_time(datetime.now() + timedelta(days=1)):
        sync_bulletins(section, documents)
    assert {issue.getId(): issue.modified() for issue in section.objectValues()} == before


def test_sync_updates_what_changed(section, documents, tmp_path):
    sync_bulletins(section, documents[:1])
    other = tmp_path / "bulletin-42.pdf"
    other.write_bytes(b"%PDF-1.4\n% une autre version\n%%EOF\n")
    changed = BulletinIssue(
        title="Le Trait d'union n° 42 (corrigé)",
        date=date(2026, 4, 3),
        file=str(other),
        cover=str(COVER),
    )
    sync_bulletins(section, [changed])
    issue = section["bulletin-42"]
    assert issue.title == "Le Trait d'union n° 42 (corrigé)"
    assert issue.issue_date == date(2026, 4, 3)
    assert issue.file.data == other.read_bytes()
    assert issue.cover.data == COVER.read_bytes()
    assert issue.effective().Date() == "2026/04/03"
    assert len(section.objectIds()) == 1


def test_numbers_without_a_number_in_the_title(section, documents, tmp_path):
    sync_bulletins(section, documents[:1])
    pdf = Path(documents[0].file).read_bytes()
    (tmp_path / "ete-2026.pdf").write_bytes(pdf)
    (tmp_path / "automne-2026.pdf").write_bytes(pdf)
    new = [
        BulletinIssue(
            title="Bulletin de l'été 2026",
            date=date(2026, 7, 1),
            file=str(tmp_path / "ete-2026.pdf"),
        ),
        BulletinIssue(
            title="Bulletin de l'automne 2026",
            date=date(2026, 10, 1),
            file=str(tmp_path / "automne-2026.pdf"),
        ),
    ]
    sync_bulletins(section, new)
    assert (section["ete-2026"].number, section["automne-2026"].number) == (43, 44)
    sync_bulletins(section, new)
    assert (section["ete-2026"].number, section["automne-2026"].number) == (43, 44)


@pytest.mark.parametrize(
    "title,number",
    [
        ("Le Trait d'union n° 42 – printemps 2026", 42),
        ("Bulletin municipal N°7", 7),
        ("Numéro 12 – hiver", 12),
        ("Bulletin de novembre 2026", None),
    ],
)
def test_issue_number_from_the_title(title, number):
    assert issue_number(title) == number


def test_a_bulletin_must_be_a_pdf(agency_file):
    fake = NamedBlobFile(data=Path(agency_file).read_bytes(), filename="bulletin.pdf")
    with pytest.raises(ValidationError) as refused:
        IBulletin["file"].validate(fake)
    # The French text comes with the catalogue (make i18n); the message is the bulletin's own.
    message = refused.value.doc()
    assert message == "error_bulletin_not_a_pdf"
    assert message.default == "This file is not a PDF document: send the bulletin as a PDF file."


def test_a_real_pdf_is_accepted(documents):
    real = NamedBlobFile(data=Path(documents[0].file).read_bytes(), filename="b.pdf")
    IBulletin["file"].validate(real)


def test_issue_page_embeds_the_pdf(section, documents):
    sync_bulletins(section, documents[:1])
    html = section["bulletin-42"].restrictedTraverse("@@bulletin")()
    assert '<object class="mairie-bulletin-pdf" type="application/pdf"' in html
    assert "@@download/file/bulletin-42.pdf" in html
    assert "title=\"Le Trait d'union n° 42" in html or 'title="Le Trait d&#39;union n° 42' in html
