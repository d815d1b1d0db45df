"""A fake PayFiP web service (pytest-httpserver) and a site with mairie.payfip and a payment form."""

from datetime import datetime
from decimal import Decimal
from mairie.payfip.client import SERVICE_NS
from plone import api
from plone.base.utils import get_installer
from policy.sve.smtp import SMTPServer
from werkzeug import Response
from xml.sax.saxutils import escape
from zope.component.hooks import setSite

import pytest
import re
import requests
import transaction


SOAP = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>'
    "{body}</soap:Body></soap:Envelope>"
)
RESPONSE_NS = "http://securite.service.tpa.cp.finances.gouv.fr/reponse"
PAYMENT_PAGE = "https://payfip.example.fr/tpa/paiementws.web"


class FakePayfip:
    """PayFiP's two operations, answered in the shapes of the real service.

    ``results[idop]`` is the resultrans PayFiP will give (None: not known yet,
    P5); ``create_error`` makes the next creations fail with that code.
    """

    def __init__(self, httpserver):
        self.server = httpserver
        self.url = httpserver.url_for("/tpa/services/securite")
        self.operations = {}  # idop -> the fields sent at creation
        self.results = {}
        self.calls = []  # (operation, fields)
        self.create_error = None
        self.on_create = None  # called while PayFiP creates an operation
        self.transaction_time = datetime(2026, 3, 12, 10, 7)
        httpserver.expect_request("/tpa/services/securite", method="POST").respond_with_handler(
            self.handle
        )

    def handle(self, request):
        body = request.get_data(as_text=True)
        fields = dict(re.findall(r"<(\w+)>([^<]*)</\1>", body))
        operation = re.search(
            r"<\w+:(creerPaiementSecurise|recupererDetailPaiementSecurise)>", body
        )
        operation = operation.group(1)
        self.calls.append((operation, fields))
        if operation == "creerPaiementSecurise":
            if self.create_error:
                return fault(self.create_error)
            if self.on_create is not None:
                self.on_create()
            idop = f"op{len(self.operations) + 1:06d}"
            self.operations[idop] = fields
            self.results[idop] = None
            return answer(
                f'<ns2:creerPaiementSecuriseResponse xmlns:ns2="{SERVICE_NS}">'
                f'<return><idOp xmlns="{RESPONSE_NS}">{idop}</idOp></return>'
                "</ns2:creerPaiementSecuriseResponse>"
            )
        idop = fields.get("idOp", "")
        if idop not in self.operations:
            return fault("P1", "IdOp incorrect")
        result = self.results[idop]
        if result is None:
            return fault("P5", "Resultat inconnu")
        sent = self.operations[idop]
        when = self.transaction_time
        detail = {
            "dattrans": f"{when:%d%m%Y}",
            "exer": sent["exer"],
            "heurtrans": f"{when:%H%M}",
            "idOp": idop,
            "mel": sent["mel"],
            "montant": sent["montant"],
            "numauto": "112233" if result in "PV" else "",
            "numcli": sent["numcli"],
            "objet": sent["objet"],
            "refdet": sent["refdet"],
            "resultrans": result,
            "saisie": sent["saisie"],
        }
        items = "".join(f"<r:{k}>{escape(v)}</r:{k}>" for k, v in detail.items())
        return answer(
            f'<ns2:recupererDetailPaiementSecuriseResponse xmlns:ns2="{SERVICE_NS}">'
            f'<return xmlns:r="{RESPONSE_NS}">{items}</return>'
            "</ns2:recupererDetailPaiementSecuriseResponse>"
        )

    def detail_calls(self):
        return [fields for operation, fields in self.calls if operation.startswith("recuperer")]


def answer(body):
    return Response(SOAP.format(body=body), content_type="text/xml; charset=utf-8")


def fault(code, label=""):
    detail = (
        f'<ns2:FonctionnelleErreur xmlns:ns2="{RESPONSE_NS}"><code>{code}</code>'
        f"<descriptif></descriptif><libelle>{label}</libelle><severite>2</severite>"
        "</ns2:FonctionnelleErreur>"
    )
    return Response(
        SOAP.format(
            body="<soap:Fault><faultcode>soap:Server</faultcode>"
            "<faultstring>fr.gouv.finances.cp.tpa.webservice.exceptions.FonctionnelleErreur"
            f"</faultstring><detail>{detail}</detail></soap:Fault>"
        ),
        status=500,
        content_type="text/xml; charset=utf-8",
    )


@pytest.fixture
def payfip(httpserver):
    return FakePayfip(httpserver)


@pytest.fixture
def smtp():
    server = SMTPServer()
    yield server
    server.stop()


@pytest.fixture
def site(functional, payfip, smtp, tmp_path):
    """The functional site with mairie.payfip, set for the fake PayFiP, and one payment form."""
    portal = functional["portal"]
    setSite(portal)
    smtp.receive_from(portal, tmp_path / "mailqueue")
    portal.portal_workflow.setDefaultChain("simple_publication_workflow")
    with api.env.adopt_roles(["Manager"]):
        get_installer(portal).install_product("mairie.payfip")
        api.portal.set_registry_record("mairie.payfip.numcli", "123456")
        api.portal.set_registry_record("mairie.payfip.service_url", payfip.url)
        api.portal.set_registry_record("mairie.payfip.payment_page_url", PAYMENT_PAGE)
        form = api.content.create(
            container=portal,
            type="mairie.PaymentForm",
            id="cantine",
            title="Cantine scolaire",
            explanation="La référence est en haut à droite de la facture.",
            objet="Cantine scolaire",
            reference_pattern="[A-Z0-9]+",
            reference_min_length=6,
            reference_max_length=20,
            maximum_amount=Decimal("150.00"),
        )
        api.content.transition(form, "publish")
    transaction.commit()
    return portal


@pytest.fixture
def form(site):
    return site["cantine"]


def pay(form_url, reference="CANT2026000123", amount="12,50", email="jeanne@example.net"):
    """Fill in and send the payment form as a visitor; the response, redirects not followed."""
    data = {"reference": reference, "amount": amount, "email": email}
    return requests.post(f"{form_url}/@@payer", data=data, allow_redirects=False, timeout=30)


def notify(form_url, idop):
    return requests.post(f"{form_url}/@@payfip-notification", data={"idOp": idop}, timeout=30)
