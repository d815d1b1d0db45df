"""The citizen's pages (payment form, result) and PayFiP's notification URL."""

from . import flow
from .amounts import AmountError
from .amounts import decimal_to_cents
from .amounts import euros
from .amounts import to_cents
from .client import PayfipError
from .client import PayfipUnavailable
from .mails import when_text
from .payments import get_payment
from .payments import PAID
from .payments import PENDING
from .payments import STATUS_LABELS
from .references import BadReference
from .references import check_reference
from AccessControl import getSecurityManager
from AccessControl import Unauthorized
from email_validator import EmailNotValidError
from email_validator import validate_email
from mairie.payfip import _
from mairie.policy.forms.errors import FormErrors
from plone.protect.interfaces import IDisableCSRFProtection
from Products.Five.browser import BrowserView
from urllib.parse import urlencode
from zExceptions import NotFound
from zope.interface import alsoProvides


PAY_PERMISSION = "mairie.payfip: Pay online"
FIELDS = ("reference", "amount", "email")


class PayView(BrowserView):
    """The payment form: reference, amount, e-mail; then on to PayFiP's payment page."""

    def __init__(self, context, request):
        super().__init__(context, request)
        self.errors = {}
        self.failure = None
        self.values = dict.fromkeys(FIELDS, "")

    def __call__(self):
        if self.request.method == "POST":
            if not getSecurityManager().checkPermission(PAY_PERMISSION, self.context):
                raise Unauthorized(PAY_PERMISSION)
            return self.submit()
        return self.index()

    def submit(self):
        form = self.request.form
        self.values = {name: str(form.get(name, "")).strip()[:200] for name in FIELDS}
        if not flow.is_configured():
            self.failure = _(
                "payfip_not_configured",
                default="Online payment is not open yet: please pay your bill by another means.",
            )
            return self.index()
        reference, amount, email = self.validate()
        if self.errors:
            return self.index()
        try:
            payment = flow.start(self.context, reference, amount, email)
        except (PayfipError, PayfipUnavailable) as error:
            self.failure = error.message
            return self.index()
        self.request.response.redirect(flow.payment_page(payment.idop), status=303)
        return ""

    def validate(self):
        reference = amount = email = None
        try:
            reference = check_reference(self.values["reference"], self.context.reference_format())
        except BadReference as error:
            self.errors["reference"] = error.message
        amount = self.fixed_amount()
        if amount is None:
            try:
                amount = to_cents(
                    self.values["amount"], decimal_to_cents(self.context.maximum_amount)
                )
            except AmountError as error:
                self.errors["amount"] = error.message
        try:
            email = self.valid_email(self.values["email"])
        except EmailNotValidError:
            self.errors["email"] = _(
                "payfip_email_invalid",
                default="Enter a valid e-mail address, e.g. nom@exemple.fr: the receipt is sent there.",
            )
        return reference, amount, email

    @staticmethod
    def valid_email(value: str) -> str:
        # PayFiP takes 6 to 80 characters.
        if not 6 <= len(value) <= 80:
            raise EmailNotValidError(value)
        return validate_email(value, check_deliverability=False).normalized

    def fixed_amount(self):
        return decimal_to_cents(self.context.fixed_amount)

    def fixed_amount_text(self):
        cents = self.fixed_amount()
        return euros(cents) if cents is not None else None

    def maximum_text(self):
        cents = decimal_to_cents(self.context.maximum_amount)
        return euros(cents) if cents is not None else None

    def direct_debit(self):
        return bool(flow.settings().direct_debit)

    def form_errors(self) -> FormErrors:
        """The errors, each under its field (``payfip-<name>``), as on every citizen's form."""
        return FormErrors(
            (f"payfip-{name}", self.errors[name]) for name in FIELDS if name in self.errors
        )

    def image_url(self):
        if self.context.example_image is None:
            return None
        return f"{self.context.absolute_url()}/@@images/example_image/large"


class NotificationView(BrowserView):
    """PayFiP's server-to-server POST (``urlnotif``) after a payment.

    Nothing in it is trusted but the idOp, whose result is then asked to
    PayFiP itself. An unknown idOp is logged and answered 200 without effect.
    """

    def __call__(self):
        response = self.request.response
        if self.request.method != "POST":
            response.setStatus(405)
            response.setHeader("Allow", "POST")
            return ""
        # PayFiP's server cannot hold a Plone CSRF token, and this POST changes
        # nothing it says: the result recorded is the one PayFiP gives when asked.
        alsoProvides(self.request, IDisableCSRFProtection)
        form = self.request.form
        idop = str(form.get("idOp") or form.get("idop") or "").strip()[:64]
        response.setHeader("Content-Type", "text/plain; charset=utf-8")
        if idop:
            try:
                flow.notify(self.context, idop)
            except PayfipUnavailable:
                response.setStatus(503)
                return "unavailable"
        return "ok"


class ResultView(BrowserView):
    """The return page (``urlredirect``): the payment's result, or « being processed »."""

    def payment(self):
        key = str(self.request.form.get("paiement", ""))[:80]
        payment = get_payment(self.context, key) if key else None
        if payment is None:
            raise NotFound(self.context, "paiement", self.request)
        return payment

    def __call__(self):
        payment = self.payment()
        if payment.status == PENDING and payment.idop:
            # Writes only what PayFiP answers for this operation; the visitor
            # may be logged in, and a GET carries no CSRF token.
            alsoProvides(self.request, IDisableCSRFProtection)
            try:
                flow.refresh(self.context, payment)
            except PayfipUnavailable:
                pass  # still « being processed »: the notification will come
        self.described = describe(payment)
        self.reload_url = f"{self.context.absolute_url()}/@@paiement-resultat?{urlencode({'paiement': payment.key})}"
        return self.index()


def describe(payment) -> dict:
    moment = payment.transaction_time or payment.finished
    return {
        "status": payment.status,
        "label": STATUS_LABELS[payment.status],
        "pending": payment.status == PENDING,
        "paid": payment.status in PAID,
        "reference": payment.reference,
        "amount": euros(payment.amount),
        "date": moment and when_text(moment),
        "authorisation": payment.authorisation,
    }
