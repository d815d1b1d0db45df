"""What an editor does in the back-office: add and edit forms, bad input refused."""

from mairie.policy import _
from mairie.policy.acts.act import NotAPDF
from mairie.policy.acts.publication import FROZEN_MESSAGE
from plone import api
from zope.schema.interfaces import RequiredMissing

import hashlib
import io
import pytest
import transaction


@pytest.fixture
def add_form(browser, site):
    def open_form(number="2026-042", day="2026-11-26", data=None, filename="acte.pdf"):
        browser.open(f"{site.absolute_url()}/actes/++add++mairie.Act")
        form = browser.getForm(id="form")
        form.getControl(name="form.widgets.number").value = number
        form.getControl(name="form.widgets.title").value = "Budget primitif 2027"
        form.getControl(name="form.widgets.decision_date").value = day
        form.getControl(name="form.widgets.subject_code:list").value = ["7"]
        if data is not None:
            form.getControl(name="form.widgets.file").add_file(
                io.BytesIO(data), "application/pdf", filename
            )
        return form

    return open_form


def acts_in(site):
    return sorted(site["actes"].objectIds())


def test_add_form_creates_an_act(browser, site, add_form, helpers):
    form = add_form(data=helpers.PDF)
    form.getControl(name="form.buttons.save").click()
    assert acts_in(site) == ["2026-042"]
    assert "/actes/2026-042/" in browser.url
    assert site["actes"]["2026-042"].file.data == helpers.PDF


def test_add_form_refuses_a_file_that_is_not_a_pdf(browser, site, add_form, helpers):
    form = add_form(data=helpers.NOT_PDF, filename="acte.pdf")
    form.getControl(name="form.buttons.save").click()
    assert helpers.fr(NotAPDF.__doc__) in helpers.page(browser)
    assert acts_in(site) == []


def test_add_form_requires_a_number(browser, site, add_form, helpers):
    form = add_form(number="", data=helpers.PDF)
    form.getControl(name="form.buttons.save").click()
    assert helpers.fr(RequiredMissing.__doc__) in helpers.page(browser)
    assert acts_in(site) == []


def test_add_form_refuses_a_duplicate_number_in_the_same_year(browser, site, add_form, helpers):
    add_form(data=helpers.PDF).getControl(name="form.buttons.save").click()
    form = add_form(number=" 2026-042 ", day="2026-12-10", data=helpers.OTHER_PDF)
    form.getControl(name="form.buttons.save").click()
    message = _(
        "error_duplicate_number",
        default="An act numbered ${number} already exists for ${year}: choose another number.",
        mapping={"number": "2026-042", "year": 2026},
    )
    assert helpers.fr(message) in helpers.page(browser)
    assert acts_in(site) == ["2026-042"]


def test_same_number_in_another_year_is_accepted(browser, site, add_form, helpers):
    add_form(data=helpers.PDF).getControl(name="form.buttons.save").click()
    form = add_form(day="2027-01-15", data=helpers.OTHER_PDF)
    form.getControl(name="form.buttons.save").click()
    assert len(acts_in(site)) == 2


def test_add_form_refuses_votes_that_do_not_add_up(browser, site, add_form, helpers):
    form = add_form(data=helpers.PDF)
    form.getControl(name="form.widgets.vote_present").value = "10"
    form.getControl(name="form.widgets.vote_for").value = "8"
    form.getControl(name="form.widgets.vote_against").value = "3"
    form.getControl(name="form.buttons.save").click()
    message = _(
        "error_votes_total",
        default="For, against and abstentions add up to ${total}, more than the ${present} members who took part in the vote.",
        mapping={"total": 11, "present": 10},
    )
    assert helpers.fr(message) in helpers.page(browser)
    assert acts_in(site) == []


def publish_one(browser, site, add_form, helpers):
    add_form(data=helpers.PDF).getControl(name="form.buttons.save").click()
    act = site["actes"]["2026-042"]
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=act, transition="publish")
    transaction.commit()
    return act


def test_edit_form_refuses_a_new_file_after_publication(browser, site, add_form, helpers):
    act = publish_one(browser, site, add_form, helpers)
    browser.open(f"{act.absolute_url()}/edit")
    form = browser.getForm(id="form")
    form.getControl(name="form.widgets.file.action").value = ["replace"]
    form.getControl(name="form.widgets.file").add_file(
        io.BytesIO(helpers.OTHER_PDF), "application/pdf", "rectifie.pdf"
    )
    form.getControl(name="form.buttons.save").click()
    assert helpers.fr(FROZEN_MESSAGE) in helpers.page(browser)
    transaction.begin()
    assert act.file.data == helpers.PDF
    assert act.sha256 == hashlib.sha256(helpers.PDF).hexdigest()


def test_edit_form_keeps_the_file_and_saves_other_fields(browser, site, add_form, helpers):
    act = publish_one(browser, site, add_form, helpers)
    browser.open(f"{act.absolute_url()}/edit")
    form = browser.getForm(id="form")
    form.getControl(name="form.widgets.subject_label").value = "Décisions budgétaires"
    form.getControl(name="form.buttons.save").click()
    transaction.begin()
    assert act.subject_label == "Décisions budgétaires"
    assert act.file.data == helpers.PDF
