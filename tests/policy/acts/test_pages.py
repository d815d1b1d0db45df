"""The public pages, as an anonymous visitor sees them: act, register, session, sessions."""

from datetime import datetime
from datetime import timedelta
from freezegun import freeze_time
from mairie.policy import _
from mairie.policy.acts.act import vote_result
from plone import api
from plone.namedfile.file import NamedBlobFile
from plone.testing.zope import Browser

import hashlib
import pytest
import transaction


@pytest.fixture
def anonymous(functional, site):
    browser = Browser(functional["app"])
    browser.handleErrors = False
    return browser


@pytest.fixture
def council(site, helpers):
    """A past session with two deliberations, one correcting the other, and a coming session."""
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(container=site, type="Folder", id="seances", title="Séances")
        past = api.content.create(
            container=folder,
            type="mairie.CouncilSession",
            title="",
            start=datetime(2026, 3, 30, 20, 0),
            state="closed",
            minutes=NamedBlobFile(helpers.PDF, filename="pv.pdf"),
            minutes_approved=False,
        )
        api.content.create(container=past, type="File", id="note", title="Note de synthèse")
        coming = api.content.create(
            container=folder,
            type="mairie.CouncilSession",
            title="",
            start=datetime.now() + timedelta(days=10),
            state="convened",
        )
        first = helpers.add_act(
            site["actes"],
            "2026-010",
            title="Tarifs de la cantine",
            session=past.UID(),
            vote_for=20,
            vote_against=0,
            vote_abstention=0,
        )
        second = helpers.add_act(
            site["actes"],
            "2026-011",
            title="Tarifs de la cantine (rectificatif)",
            session=past.UID(),
            replaces=first.UID(),
            vote_for=15,
            vote_against=4,
            vote_abstention=1,
            file=helpers.pdf(helpers.OTHER_PDF),
        )
        with freeze_time("2026-04-02 12:03:00"):
            for obj in (folder, past, coming, first, second):
                api.content.transition(obj=obj, transition="publish")
        folder.setLayout("seances")
    transaction.commit()
    return {"folder": folder, "past": past, "coming": coming, "first": first, "second": second}


def test_act_page(anonymous, council, helpers):
    second = council["second"]
    anonymous.open(second.absolute_url())
    page = helpers.page(anonymous)
    assert "2026-011" in page
    # 12:03 UTC on 2 April 2026 is 14:03 in Paris (summer time).
    published = _(
        "act_published_on",
        default="Published on ${date} at ${hour}:${minute}",
        mapping={"date": "2 avril 2026", "hour": "14", "minute": "03"},
    )
    assert helpers.fr(published) in page
    assert hashlib.sha256(helpers.OTHER_PDF).hexdigest() in page
    assert f'href="{council["first"].absolute_url()}"' in page
    assert f'href="{council["past"].absolute_url()}"' in page
    assert f'data="{second.absolute_url()}/@@display-file/file"' in page
    assert f'href="{second.absolute_url()}/@@download/file"' in page
    assert helpers.fr(vote_result(second)) in page
    anonymous.open(council["first"].absolute_url())
    assert f'href="{second.absolute_url()}"' in anonymous.contents  # replaced by


def test_pdf_downloads_with_the_published_fingerprint(anonymous, council, helpers):
    anonymous.open(f"{council['second'].absolute_url()}/@@download/file")
    assert anonymous.headers["Content-Type"] == "application/pdf"
    assert hashlib.sha256(anonymous.contents).hexdigest() == (council["second"].sha256)


def test_register_page_filters_with_a_plain_get(anonymous, site, council):
    anonymous.open(f"{site.absolute_url()}/actes")
    assert "2026-010" in anonymous.contents and "2026-011" in anonymous.contents
    form = anonymous.getForm(action=f"{site.absolute_url()}/actes")
    form.getControl(name="text").value = "rectificatif"
    form.submit()
    assert "text=rectificatif" in anonymous.url
    assert "2026-011" in anonymous.contents
    assert "2026-010" not in anonymous.contents


def test_session_page(anonymous, council, helpers):
    past = council["past"]
    assert past.getId() == "seance-2026-03-30"
    title = _(
        "session_title", default="Council session of ${date}", mapping={"date": "30 mars 2026"}
    )
    assert past.Title() == helpers.fr(title)
    anonymous.open(past.absolute_url())
    page = helpers.page(anonymous)
    assert page.index("2026-010") < page.index("2026-011")
    assert helpers.fr(vote_result(council["first"])) in page
    assert "20" in helpers.fr(vote_result(council["first"]))
    assert "Note de synthèse" in page
    # The minutes stay hidden until the council approves them.
    assert "@@download/minutes" not in page
    past.minutes_approved = True
    transaction.commit()
    anonymous.open(past.absolute_url())
    assert f"{past.absolute_url()}/@@download/minutes" in anonymous.contents


def test_sessions_listing_separates_coming_and_past(anonymous, council, helpers):
    anonymous.open(council["folder"].absolute_url())
    page = helpers.page(anonymous)
    coming_at = page.index(helpers.fr(_("heading_sessions_coming", default="Coming sessions")))
    past_at = page.index(helpers.fr(_("heading_sessions_past", default="Past sessions")))
    assert coming_at < page.index(council["coming"].absolute_url()) < past_at
    assert past_at < page.index(council["past"].absolute_url())
