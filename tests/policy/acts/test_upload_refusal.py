"""A refused PDF does not loop (issue 17): after a refusal the act's form names the file
really stored (or none), with « Remplacer » ready and nothing kept from the refused one;
a file above the limit is refused by the server in French, and by the page before sending.

zope.testbrowser posts as a browser without JavaScript does; Chromium runs uploads.js.
"""

from browser import logged_in
from mairie.policy.pdf import MAX_PDF_MB
from mairie.policy.pdf import MB
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

import io
import pytest
import re
import transaction


NOT_A_PDF = "Ce fichier n'est pas un document PDF"
TOO_LARGE = f"Ce fichier pèse 25,1 Mo : {MAX_PDF_MB} Mo au maximum."
OVERSIZED = b"%PDF-1.7\n" + b"0" * (MAX_PDF_MB * MB + 100 * 1024)


def _act(site, helpers, publish):
    from plone import api

    with api.env.adopt_roles(["Manager"]):
        act = helpers.add_act(site["actes"])
        if publish:
            api.content.transition(obj=act, transition="publish")
    transaction.commit()
    return act


def _send(browser, act, data, filename):
    browser.open(f"{act.absolute_url()}/edit")
    form = browser.getForm(id="form")
    form.getControl(name="form.widgets.file.action").value = ["replace"]
    form.getControl(name="form.widgets.file").add_file(
        io.BytesIO(data), "application/pdf", filename
    )
    form.getControl(name="form.buttons.save").click()
    return browser.contents


def _widget(page: str) -> str:
    return re.search(r'id="formfield-form-widgets-file".*?</div>\s*</div>', page, re.S).group(0)


def _shows_the_stored_file_ready_to_replace(page: str, size="1 KB|\\d+ octets|\\d+ bytes"):
    widget = _widget(page)
    assert "file_upload_id" not in widget  # nothing of the refused file is kept
    assert "déjà téléversé" not in widget and "already uploaded" not in widget
    assert "0 KB" not in widget and "0 Ko" not in widget  # no phantom
    assert re.search(r">acte\.pdf</a>", widget), widget  # the real file, by name
    assert re.search(r'value="replace"[^>]*checked|checked[^>]*value="replace"', widget), widget
    assert not re.search(r'value="nochange"[^>]*checked|checked[^>]*value="nochange"', widget)
    # The three choices, one group with its name (RGAA 11.5).
    assert re.search(
        r'role="radiogroup" aria-labelledby="([\w-]+)"[^>]*>\s*'
        r'<span class="visually-hidden" id="\1">Que faire du fichier enregistré \?</span>',
        widget,
    )


@pytest.mark.parametrize(
    ("publish", "data", "message"),
    [
        (False, b"PK\x03\x04 a .docx renamed .pdf", NOT_A_PDF),
        (False, OVERSIZED, TOO_LARGE),
        (True, b"%PDF-1.4\n% a corrected text\n%%EOF\n", "publié"),
    ],
    ids=["not-a-pdf", "too-large", "published"],
)
def test_a_refused_file_leaves_the_real_one_and_replace_ready(
    browser, site, helpers, publish, data, message
):
    act = _act(site, helpers, publish)
    page = helpers.page(browser) if _send(browser, act, data, "nouveau.pdf") else ""
    assert message in page
    _shows_the_stored_file_ready_to_replace(page)
    # Sending again with « Garder » keeps the real file: no loop on the same error.
    form = browser.getForm(id="form")
    form.getControl(name="form.widgets.file.action").value = ["nochange"]
    form.getControl(name="form.buttons.save").click()
    assert message not in helpers.page(browser)
    transaction.begin()
    assert act.file.data == helpers.PDF


def test_a_refused_file_on_the_add_form_leaves_an_empty_field(browser, site, helpers):
    browser.open(f"{site.absolute_url()}/actes/++add++mairie.Act")
    form = browser.getForm(id="form")
    form.getControl(name="form.widgets.number").value = "2026-050"
    form.getControl(name="form.widgets.title").value = "Tarifs de la cantine"
    form.getControl(name="form.widgets.decision_date").value = "2026-11-26"
    form.getControl(name="form.widgets.subject_code:list").value = ["7"]
    form.getControl(name="form.widgets.file").add_file(
        io.BytesIO(b"not a pdf"), "application/pdf", "tarifs.pdf"
    )
    form.getControl(name="form.buttons.save").click()
    widget = _widget(helpers.page(browser))
    assert NOT_A_PDF in helpers.page(browser)
    assert "file_upload_id" not in widget and "tarifs.pdf" not in widget
    assert 'value="nochange"' not in widget  # nothing to keep


@pytest.mark.browser
def test_the_page_refuses_a_file_too_large_before_sending(site, helpers, chromium):
    act = _act(site, helpers, publish=False)
    with logged_in(chromium, SITE_OWNER_NAME, SITE_OWNER_PASSWORD) as page:
        posted = []
        page.on(
            "request", lambda request: posted.append(request) if request.method == "POST" else None
        )
        page.goto(f"{act.absolute_url()}/edit")
        file_input = page.locator("#form-widgets-file")
        # A click on the label reaches the input (it has the label's id).
        assert page.locator("label[for=form-widgets-file]").count() == 1
        file_input.set_input_files(
            {"name": "gros.pdf", "mimeType": "application/pdf", "buffer": OVERSIZED}
        )
        alert = page.locator(".mairie-upload-refused")
        assert alert.inner_text().startswith(TOO_LARGE)
        assert "Il n'a pas été envoyé" in alert.inner_text()
        assert file_input.evaluate("input => input.files.length") == 0
        assert posted == []

        # A small file that is no PDF passes the page; the server refuses it.
        file_input.set_input_files(
            {"name": "lettre.pdf", "mimeType": "application/pdf", "buffer": b"PK\x03\x04 docx"}
        )
        assert alert.is_hidden()
        assert page.locator("#form-widgets-file-replace").is_checked()  # chosen, so replaced
        page.get_by_role("button", name="Enregistrer").click()
        page.wait_for_load_state()
        field = page.locator("#formfield-form-widgets-file")
        assert NOT_A_PDF in field.inner_text()
        assert field.locator("a", has_text="acte.pdf").count() == 1  # the real file
        assert page.locator("#form-widgets-file-replace").is_checked()
        assert file_input.evaluate("input => input.files.length") == 0
        assert page.locator("[name='form.widgets.file.file_upload_id']").count() == 0

        page.locator("#form-widgets-file-nochange").check()
        page.get_by_role("button", name="Enregistrer").click()
        page.wait_for_load_state()
        assert NOT_A_PDF not in page.content()
