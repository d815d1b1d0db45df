"""The SOAP client against the fake PayFiP: requests, answers, faults, network trouble."""

from .fake import FakePayfip
from .fake import fault
from lxml import etree
from mairie.payfip.client import PayfipClient
from mairie.payfip.client import PayfipError
from mairie.payfip.client import PayfipUnavailable
from mairie.payfip.client import SERVICE_NS
from mairie.payfip.client import transaction_time
from werkzeug import Response

import pytest
import socket
import time


def create(client, **changes):
    fields = {
        "numcli": "123456",
        "year": 2026,
        "reference": "CANT2026000123",
        "amount": 1250,
        "email": "jeanne@example.net",
        "objet": "Cantine scolaire",
        "environment": "T",
        "notification_url": "https://mairie.example.fr/f/@@payfip-notification",
        "return_url": "https://mairie.example.fr/f/@@paiement-resultat?paiement=a&b",
    }
    fields.update(changes)
    return client.create_payment(**fields)


def test_create_then_detail(httpserver):
    payfip = FakePayfip(httpserver)
    client = PayfipClient(payfip.url)
    idop = create(client)
    assert idop == "op000001"

    request = httpserver.log[0][0]
    assert request.headers["Content-Type"] == "text/xml; charset=utf-8"
    envelope = etree.fromstring(request.get_data())
    arguments = envelope.find(f".//{{{SERVICE_NS}}}creerPaiementSecurise/arg0")
    sent = {child.tag: child.text for child in arguments}
    assert sent["montant"] == "1250"
    assert sent["urlredirect"].endswith("paiement=a&b")  # escaped on the wire, intact here

    payfip.results[idop] = "P"
    detail = client.payment_detail(idop)
    assert detail.result == "P"
    assert detail.amount == 1250
    assert detail.reference == "CANT2026000123"
    assert detail.authorisation == "112233"
    assert detail.transaction_time.isoformat() == "2026-03-12T10:07:00+01:00"


def test_transaction_time_is_paris_time_in_summer():
    assert transaction_time("05072026", "1430").isoformat() == "2026-07-05T14:30:00+02:00"
    assert transaction_time("", "") is None
    assert transaction_time("31022026", "1000") is None


@pytest.mark.parametrize("code", ["R3", "A2", "P1", "P5", "Z9"])
def test_functional_errors(httpserver, code):
    httpserver.expect_request("/ws", method="POST").respond_with_response(fault(code, "libellé"))
    with pytest.raises(PayfipError) as error:
        PayfipClient(httpserver.url_for("/ws")).payment_detail("op1")
    assert error.value.code == code
    assert error.value.message  # a French sentence for every code, the unknown ones too


def test_technical_fault_is_unavailable(httpserver):
    body = (
        '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>'
        "<soap:Fault><faultcode>soap:Server</faultcode><faultstring>x</faultstring>"
        '<detail><ns2:TechIndisponibiliteErreur xmlns:ns2="urn:x"><code>T1</code>'
        "</ns2:TechIndisponibiliteErreur></detail></soap:Fault></soap:Body></soap:Envelope>"
    )
    httpserver.expect_request("/ws").respond_with_response(Response(body, status=500))
    with pytest.raises(PayfipUnavailable):
        PayfipClient(httpserver.url_for("/ws")).payment_detail("op1")


def test_not_xml_is_unavailable(httpserver):
    httpserver.expect_request("/ws").respond_with_data("<html>502</html>", status=502)
    with pytest.raises(PayfipUnavailable):
        PayfipClient(httpserver.url_for("/ws")).payment_detail("op1")


def test_connection_refused_is_unavailable():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(PayfipUnavailable):
        PayfipClient(f"http://127.0.0.1:{port}/ws").payment_detail("op1")


def test_timeout_is_unavailable(httpserver):
    def slow(request):
        time.sleep(1)
        return Response("too late")

    httpserver.expect_request("/ws").respond_with_handler(slow)
    with pytest.raises(PayfipUnavailable):
        PayfipClient(httpserver.url_for("/ws"), timeout=(1, 0.2)).payment_detail("op1")
