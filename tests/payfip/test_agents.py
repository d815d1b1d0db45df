"""The agents' listing of payments: filters, pages, CSV for the treasury; closed to others."""

from .helpers import pending
from datetime import datetime
from datetime import timedelta
from mairie.payfip import payments
from mairie.policy.acts.dates import PARIS
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

import csv
import html
import io
import requests
import transaction


AUTH = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)


def water_form(site):
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(
            container=site,
            type="mairie.PaymentForm",
            id="eau",
            title="Eau et assainissement",
            explanation="Sur le talon de paiement.",
            objet="Eau et assainissement",
        )


def paid(payment, when):
    payment.finish(payments.PAID_CARD, when, transaction_time=when, authorisation="445566")


def test_listing_filters_and_csv(site, form, payfip):
    water = water_form(site)
    start = PARIS.localize(datetime(2026, 3, 12, 10, 0))
    paid(pending(form, payfip, start, amount=1250), start)
    pending(form, payfip, start + timedelta(minutes=5), amount=3000)
    paid(pending(water, payfip, start + timedelta(minutes=10), amount=123456), start)
    transaction.commit()
    url = f"{site.absolute_url()}/@@paiements"

    page = html.unescape(requests.get(url, auth=AUTH, timeout=30).text)
    assert "12,50\u00a0€" in page
    assert "1\u202f234,56\u00a0€" in page
    assert "445566" in page
    assert '<th scope="col"' in page

    only_water = html.unescape(
        requests.get(url, params={"formulaire": water.UID()}, auth=AUTH, timeout=30).text
    )
    assert "1\u202f234,56\u00a0€" in only_water
    assert "12,50\u00a0€" not in only_water

    only_pending = html.unescape(
        requests.get(url, params={"statut": payments.PENDING}, auth=AUTH, timeout=30).text
    )
    assert "30,00\u00a0€" in only_pending
    assert "12,50\u00a0€" not in only_pending

    export = requests.get(
        f"{url}.csv", params={"statut": payments.PAID_CARD}, auth=AUTH, timeout=30
    )
    assert export.headers["Content-Type"].startswith("text/csv")
    assert export.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 3  # the header and the two paid bills
    amounts = sorted(row[2] for row in rows[1:])
    assert amounts == ["12,50", "1234,56"]
    assert {row[6] for row in rows[1:]} == {"445566"}


def test_csv_shows_a_formula_as_text_and_amounts_as_numbers(site, form, payfip):
    """A form title typed as a formula stays text in the treasury's spreadsheet."""
    typed = '=HYPERLINK("http://attaquant.example","Voir")'
    with api.env.adopt_roles(["Manager"]):
        form.setTitle(typed)
    start = PARIS.localize(datetime(2026, 3, 12, 10, 0))
    paid(pending(form, payfip, start, amount=1250), start)
    transaction.commit()
    export = requests.get(f"{site.absolute_url()}/@@paiements.csv", auth=AUTH, timeout=30)
    _header, row = csv.reader(io.StringIO(export.content.decode("utf-8-sig")), delimiter=";")
    assert row[0] == f"'{typed}"
    assert row[2] == "12,50"


def test_pages_of_fifty(site, form, payfip):
    start = PARIS.localize(datetime(2026, 3, 12, 10, 0))
    for minute in range(55):
        pending(form, payfip, start + timedelta(minutes=minute))
    transaction.commit()
    page = requests.get(f"{site.absolute_url()}/@@paiements", auth=AUTH, timeout=30).text
    assert page.count('<th scope="row">') == 50
    second = requests.get(
        f"{site.absolute_url()}/@@paiements", params={"b_start": 50}, auth=AUTH, timeout=30
    ).text
    assert second.count('<th scope="row">') == 5


def test_closed_to_visitors_and_editors(site, form, payfip):
    pending(form, payfip, PARIS.localize(datetime(2026, 3, 12, 10, 0)))
    api.user.create(email="agent@example.org", username="agent", password="secret-agent-42")
    api.user.grant_roles(username="agent", roles=["Editor"])
    transaction.commit()
    for url in (f"{site.absolute_url()}/@@paiements", f"{site.absolute_url()}/@@paiements.csv"):
        anonymous = requests.get(url, timeout=30, allow_redirects=False)
        assert anonymous.status_code in (302, 401, 404)
        assert "CANT2026000123" not in anonymous.text
        editor = requests.get(url, auth=("agent", "secret-agent-42"), timeout=30)
        assert "CANT2026000123" not in editor.text
