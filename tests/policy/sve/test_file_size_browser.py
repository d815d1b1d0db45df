"""A citizen's attachment above the form's limit (2 MB) is refused by the page before it is
sent, in French, the input cleared (issue 17: it was refused only after the upload); the
server's own check is tested with the submissions."""

from browser import choose_cookies

import pytest


pytestmark = pytest.mark.browser
MB = 1024 * 1024


def test_a_file_too_large_is_refused_before_sending(site, page):
    url = site["demarches"]["nous-contacter"].absolute_url()
    posted = []
    page.on("request", lambda request: posted.append(request) if request.method == "POST" else None)
    choose_cookies(page, url)
    page.goto(url)
    attachment = page.locator("#form-widgets-attachment")
    attachment.set_input_files(
        {"name": "scan.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-" + b"0" * (3 * MB)}
    )
    alert = page.locator(".mairie-upload-refused")
    assert alert.inner_text() == (
        "Ce fichier pèse 3,1 Mo : 2 Mo au maximum. Il n'a pas été envoyé : "
        "choisissez un fichier plus léger."
    )
    assert attachment.evaluate("input => input.files.length") == 0
    assert attachment.get_attribute("aria-invalid") == "true"
    assert posted == []
    # A file within the limit stays chosen.
    attachment.set_input_files(
        {"name": "lettre.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.7 small"}
    )
    assert alert.is_hidden()
    assert attachment.evaluate("input => input.files.length") == 1
