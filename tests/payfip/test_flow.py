"""The whole flow over HTTP: payment form, PayFiP operation, notification, return page."""

from .fake import notify
from .fake import pay
from .fake import PAYMENT_PAGE
from mairie.payfip import payments
from mairie.payfip.amounts import AmountError
from mairie.payfip.client import ERROR_MESSAGES
from mairie.payfip.client import PayfipUnavailable
from mairie.payfip.flow import UNAVAILABLE
from mairie.payfip.payments import all_payments
from mairie.payfip.payments import store_of
from urllib.parse import parse_qs
from urllib.parse import urlsplit
from zope.i18n import translate

import html
import logging
import pytest
import requests
import transaction


def fr(message):
    return translate(message, target_language="fr")


def only_payment(form):
    transaction.begin()  # see what the web server committed
    found = all_payments(form)
    assert len(found) == 1
    return found[0]


def test_payment_form_page(form):
    page = requests.get(form.absolute_url(), timeout=30)
    assert page.status_code == 200
    assert 'name="reference"' in page.text
    assert 'id="payfip-amount"' in page.text
    assert "La référence est en haut à droite de la facture." in html.unescape(page.text)


def test_pay_creates_the_operation_and_redirects_to_payfip(form, payfip):
    response = pay(form.absolute_url(), reference="cant 2026-000123", amount="12,50")

    assert response.status_code == 303
    assert response.headers["Location"] == f"{PAYMENT_PAGE}?idop=op000001"
    operation, sent = payfip.calls[0]
    assert operation == "creerPaiementSecurise"
    assert sent["montant"] == "1250"
    assert sent["refdet"] == "CANT2026000123"
    assert sent["mel"] == "jeanne@example.net"
    assert sent["numcli"] == "123456"
    assert sent["saisie"] == "T"
    assert sent["objet"] == "Cantine scolaire"
    assert sent["urlnotif"] == f"{form.absolute_url()}/@@payfip-notification"
    payment = only_payment(form)
    assert payment.status == payments.PENDING
    assert payment.idop == "op000001"
    assert payment.amount == 1250
    redirect = urlsplit(html.unescape(sent["urlredirect"]))
    assert parse_qs(redirect.query) == {"paiement": [payment.key]}
    assert sent["exer"] == str(payment.created.year)


@pytest.mark.parametrize(
    "code, status, receipt",
    [
        ("P", payments.PAID_CARD, True),
        ("V", payments.PAID_DEBIT, True),
        ("R", payments.REFUSED, False),
        ("Z", payments.DEBIT_REFUSED, False),
        ("A", payments.ABANDONED, False),
    ],
)
def test_each_result(form, payfip, smtp, code, status, receipt):
    pay(form.absolute_url())
    payfip.results["op000001"] = code

    assert notify(form.absolute_url(), "op000001").status_code == 200

    payment = only_payment(form)
    assert payment.status == status
    mails = smtp.to("jeanne@example.net")
    assert len(mails) == (1 if receipt else 0)
    if receipt:
        assert payment.authorisation == "112233"
        assert payment.transaction_time.isoformat() == "2026-03-12T10:07:00+01:00"
        assert "12,50" in mails[0].body
        assert "CANT2026000123" in mails[0].body
        assert "112233" in mails[0].body


def test_the_same_notification_three_times(form, payfip, smtp):
    pay(form.absolute_url())
    payfip.results["op000001"] = "P"

    for _attempt in range(3):
        assert notify(form.absolute_url(), "op000001").status_code == 200

    payment = only_payment(form)
    assert payment.status == payments.PAID_CARD
    assert len(smtp.to("jeanne@example.net")) == 1
    # Once final, PayFiP is not even asked again.
    assert len(payfip.detail_calls()) == 1


def test_result_not_known_yet_stays_pending(form, payfip, smtp):
    pay(form.absolute_url())

    assert notify(form.absolute_url(), "op000001").status_code == 200
    assert only_payment(form).status == payments.PENDING

    payfip.results["op000001"] = "P"
    notify(form.absolute_url(), "op000001")
    assert only_payment(form).status == payments.PAID_CARD
    assert len(smtp.to("jeanne@example.net")) == 1


def test_unknown_operation_is_logged_and_ignored(form, payfip, caplog):
    pay(form.absolute_url())
    with caplog.at_level(logging.WARNING, logger="mairie.payfip"):
        response = notify(form.absolute_url(), "forged-idop")

    assert response.status_code == 200
    assert "unknown operation 'forged-idop'" in caplog.text
    assert only_payment(form).status == payments.PENDING
    assert payfip.detail_calls() == []


def test_only_the_idop_is_trusted(form, payfip, smtp):
    """A forged notification saying "paid" changes nothing: PayFiP is asked, and says A."""
    pay(form.absolute_url())
    payfip.results["op000001"] = "A"
    requests.post(
        f"{form.absolute_url()}/@@payfip-notification",
        data={"idOp": "op000001", "resultrans": "P", "montant": "1250"},
        timeout=30,
    )
    assert only_payment(form).status == payments.ABANDONED
    assert smtp.to("jeanne@example.net") == []


def test_notification_url_accepts_only_post(form):
    response = requests.get(f"{form.absolute_url()}/@@payfip-notification?idOp=x", timeout=30)
    assert response.status_code == 405
    assert response.headers["Allow"] == "POST"


def test_notification_while_payfip_is_down(form, payfip, httpserver):
    pay(form.absolute_url())
    payfip.results["op000001"] = "P"
    httpserver.stop()
    try:
        response = notify(form.absolute_url(), "op000001")
    finally:
        httpserver.start()
    assert response.status_code == 503
    assert only_payment(form).status == payments.PENDING


@pytest.mark.parametrize("code", ["R3", "A2"])
def test_creation_refused(form, payfip, code):
    payfip.create_error = code
    response = pay(form.absolute_url())

    assert response.status_code == 200
    assert fr(ERROR_MESSAGES[code]) in html.unescape(response.text)
    payment = only_payment(form)
    assert payment.status == payments.FAILED
    assert payment.failure == code


def test_creation_with_payfip_unreachable(form, payfip, httpserver):
    httpserver.stop()
    try:
        response = pay(form.absolute_url())
    finally:
        httpserver.start()
    assert response.status_code == 200
    assert fr(PayfipUnavailable.message) in html.unescape(response.text)
    payment = only_payment(form)
    assert payment.status == payments.FAILED
    assert payment.failure == UNAVAILABLE


@pytest.mark.parametrize(
    "field, value",
    [
        ("amount", "12,345"),
        ("amount", "-3"),
        ("amount", "0"),
        ("amount", "abc"),
        ("amount", "150,01"),
        ("amount", ""),
        ("reference", "AB12"),
        ("reference", "CANT<script>"),
        ("reference", ""),
        ("email", "jeanne"),
        ("email", "jeanne@"),
        ("email", ""),
    ],
)
def test_bad_input_is_refused_and_nothing_recorded(form, payfip, field, value):
    response = pay(form.absolute_url(), **{field: value})

    assert response.status_code == 200
    page = html.unescape(response.text)
    assert 'id="erreurs"' in page
    assert f'id="payfip-{field}-erreur"' in page
    assert f'aria-describedby="payfip-{field}-help payfip-{field}-erreur"' in page
    transaction.begin()
    assert store_of(form) is None
    assert payfip.calls == []


def test_bad_amount_messages_are_specific(form):
    page = html.unescape(pay(form.absolute_url(), amount="12,345").text)
    with pytest.raises(AmountError) as error:
        from mairie.payfip.amounts import to_cents

        to_cents("12,345")
    assert fr(error.value.message) in page


def test_return_page_while_pending_then_paid(form, payfip, smtp):
    pay(form.absolute_url())
    payment = only_payment(form)
    url = f"{form.absolute_url()}/@@paiement-resultat?paiement={payment.key}"

    page = requests.get(url, timeout=30)
    assert page.status_code == 200
    assert fr(payments.STATUS_LABELS[payments.PENDING]) in html.unescape(page.text)
    assert len(payfip.detail_calls()) == 1  # it asked PayFiP once

    payfip.results["op000001"] = "P"
    page = requests.get(url, timeout=30)
    assert fr(payments.STATUS_LABELS[payments.PAID_CARD]) in html.unescape(page.text)
    assert only_payment(form).status == payments.PAID_CARD
    assert len(smtp.to("jeanne@example.net")) == 1
    # Then the notification changes nothing and sends nothing.
    notify(form.absolute_url(), "op000001")
    assert len(smtp.to("jeanne@example.net")) == 1


def test_return_page_of_an_unknown_payment(form):
    response = requests.get(
        f"{form.absolute_url()}/@@paiement-resultat?paiement=20260312-nope", timeout=30
    )
    assert response.status_code == 404
