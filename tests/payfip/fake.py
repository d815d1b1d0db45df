"""A fake PayFiP web service in the shapes of the real one (pytest-httpserver), and a visitor paying."""

from datetime import datetime
from mairie.payfip.client import SERVICE_NS
from werkzeug import Response
from xml.sax.saxutils import escape

import re
import requests


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


def pay(form_url, reference="CANT2026000123", amount="12,50", email="jeanne@example.net"):
    """Fill in and send the payment form as a visitor; the response, redirects not followed."""
    data = {"reference": reference, "amount": amount, "email": email}
    return requests.post(f"{form_url}/@@payer", data=data, allow_redirects=False, timeout=30)


def notify(form_url, idop):
    return requests.post(f"{form_url}/@@payfip-notification", data={"idOp": idop}, timeout=30)
