"""The PayFiP web service (DGFiP): create an operation, read its result.

Plain SOAP 1.1 over HTTP with requests and lxml, from the protocol's public
facts: ``creerPaiementSecurise`` takes the payment's fields in ``arg0`` and
returns an ``idOp``; ``recupererDetailPaiementSecurise`` takes that ``idOp``
and returns the operation's detail. A functional refusal comes back as a SOAP
fault whose detail holds ``FonctionnelleErreur/code`` (R3, A2, P1, P5...); the
``Tech...Erreur`` faults and network trouble mean PayFiP is unavailable.
"""

from dataclasses import dataclass
from datetime import datetime
from lxml import etree
from mairie.payfip import _
from mairie.policy.acts.dates import PARIS
from zope.i18nmessageid import Message

import requests


SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/"
SERVICE_NS = (
    "http://securite.service.tpa.cp.finances.gouv.fr/services/mas_securite/"
    "contrat_paiement_securise/PaiementSecuriseService"
)
# (connect, read) in seconds: a citizen waits for the answer.
TIMEOUT = (5, 20)

BAD_REFERENCE = "R3"
BAD_EMAIL = "A2"
UNKNOWN_OPERATION = "P1"
NOT_YET_KNOWN = "P5"

ERROR_MESSAGES = {
    BAD_REFERENCE: _(
        "payfip_error_r3",
        default="PayFiP does not accept this bill reference: check it on your bill.",
    ),
    BAD_EMAIL: _(
        "payfip_error_a2",
        default="PayFiP does not accept this e-mail address: check it.",
    ),
    UNKNOWN_OPERATION: _("payfip_error_p1", default="PayFiP does not know this payment operation."),
    NOT_YET_KNOWN: _(
        "payfip_error_p5", default="PayFiP does not know the result of this payment yet."
    ),
}


class PayfipError(Exception):
    """PayFiP refused the request; ``code`` is its error code, ``message`` says it in French."""

    def __init__(self, code: str, label: str = ""):
        super().__init__(code, label)
        self.code = code
        self.label = label  # PayFiP's own words, for the log

    @property
    def message(self) -> Message:
        return ERROR_MESSAGES.get(self.code) or _(
            "payfip_error_other",
            default="PayFiP refused the payment (code ${code}).",
            mapping={"code": self.code},
        )


class PayfipUnavailable(Exception):
    """PayFiP could not be reached, did not answer in time, or reported a technical error."""

    message = _(
        "payfip_error_unavailable",
        default="The PayFiP payment service does not answer at the moment: please try again "
        "later. Nothing was charged.",
    )


@dataclass(frozen=True)
class Detail:
    """What ``recupererDetailPaiementSecurise`` says about one operation."""

    idop: str
    result: str  # resultrans: P, V, R, Z or A
    amount: int  # in cents
    reference: str
    email: str
    authorisation: str  # numauto
    transaction_time: datetime | None  # dattrans + heurtrans, Paris time
    numcli: str
    year: str
    objet: str
    environment: str


class PayfipClient:
    def __init__(self, service_url: str, timeout=TIMEOUT):
        self.service_url = service_url
        self.timeout = timeout

    def create_payment(
        self,
        numcli: str,
        year: int,
        reference: str,
        amount: int,
        email: str,
        objet: str,
        environment: str,
        notification_url: str,
        return_url: str,
    ) -> str:
        """The new operation's idOp."""
        answer = self._call(
            "creerPaiementSecurise",
            {
                "exer": str(year),
                "mel": email,
                "montant": str(amount),
                "numcli": numcli,
                "objet": objet,
                "refdet": reference,
                "saisie": environment,
                "urlnotif": notification_url,
                "urlredirect": return_url,
            },
        )
        idop = _text(answer, "idOp")
        if not idop:
            raise PayfipUnavailable("no idOp in PayFiP's answer")
        return idop

    def payment_detail(self, idop: str) -> Detail:
        answer = self._call("recupererDetailPaiementSecurise", {"idOp": idop})
        amount = _text(answer, "montant")
        return Detail(
            idop=_text(answer, "idOp") or idop,
            result=_text(answer, "resultrans"),
            amount=int(amount) if amount.isdigit() else 0,
            reference=_text(answer, "refdet"),
            email=_text(answer, "mel"),
            authorisation=_text(answer, "numauto"),
            transaction_time=transaction_time(
                _text(answer, "dattrans"), _text(answer, "heurtrans")
            ),
            numcli=_text(answer, "numcli"),
            year=_text(answer, "exer"),
            objet=_text(answer, "objet"),
            environment=_text(answer, "saisie"),
        )

    def _call(self, operation: str, fields: dict):
        try:
            response = requests.post(
                self.service_url,
                data=_envelope(operation, fields),
                headers={"Content-Type": "text/xml; charset=utf-8", "SOAPAction": '""'},
                timeout=self.timeout,
            )
        except requests.RequestException as error:
            raise PayfipUnavailable(str(error)) from error
        try:
            root = etree.fromstring(response.content, etree.XMLParser(resolve_entities=False))
        except etree.XMLSyntaxError as error:
            raise PayfipUnavailable(f"HTTP {response.status_code}, not XML") from error
        fault = _first(root, "Fault")
        if fault is not None:
            _raise_fault(fault)
        if response.status_code != 200:
            raise PayfipUnavailable(f"HTTP {response.status_code}")
        answer = _first(root, f"{operation}Response")
        if answer is None:
            raise PayfipUnavailable(f"no {operation}Response in PayFiP's answer")
        return answer


def transaction_time(day: str, hour: str) -> datetime | None:
    """``dattrans`` (DDMMYYYY) and ``heurtrans`` (HHMM) as an aware Paris time."""
    try:
        naive = datetime.strptime(f"{day}{hour or '0000'}", "%d%m%Y%H%M")
    except ValueError:
        return None
    return PARIS.localize(naive)


def _envelope(operation: str, fields: dict) -> bytes:
    envelope = etree.Element(
        f"{{{SOAP_ENV}}}Envelope", nsmap={"soapenv": SOAP_ENV, "pai": SERVICE_NS}
    )
    body = etree.SubElement(envelope, f"{{{SOAP_ENV}}}Body")
    call = etree.SubElement(body, f"{{{SERVICE_NS}}}{operation}")
    arguments = etree.SubElement(call, "arg0")
    for name, value in fields.items():
        etree.SubElement(arguments, name).text = value
    return etree.tostring(envelope, xml_declaration=True, encoding="utf-8")


def _raise_fault(fault):
    functional = _first(fault, "FonctionnelleErreur")
    if functional is not None:
        code = _text(functional, "code")
        if code:
            raise PayfipError(code, _text(functional, "libelle"))
    raise PayfipUnavailable(etree.tostring(fault, encoding="unicode")[:500])


def _first(element, name: str):
    found = element.xpath(".//*[local-name() = $name]", name=name)
    return found[0] if found else None


def _text(element, name: str) -> str:
    found = _first(element, name)
    return (found.text or "").strip() if found is not None else ""
