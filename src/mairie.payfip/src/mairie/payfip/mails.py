"""The citizen's receipt, queued with the payment's result (see mairie.policy.sve.mails).

It goes to the MailHost's queue in the transaction that records the result:
a result not recorded (abort, conflict retried) sends nothing, and a result
is recorded once, so the receipt is sent once.
"""

from .amounts import euros
from mairie.payfip import _
from mairie.policy.acts.dates import now as paris_now
from mairie.policy.hours.schedule import french_time
from mairie.policy.sve.mails import french_date
from mairie.policy.sve.mails import send
from zope.i18n import translate
from zope.i18nmessageid import Message


def send_receipt(form, payment, now=None) -> None:
    moment = payment.transaction_time or payment.finished
    mapping = {
        "form": form.Title(),
        "reference": payment.reference,
        "amount": euros(payment.amount),
        "date": french_date(moment.date()),
        "time": french_time(moment.time()),
        "authorisation": payment.authorisation or "-",
    }
    subject = _("mail_payfip_receipt_subject", default="Payment received: ${form}")
    body = _(
        "mail_payfip_receipt_body",
        default="The town hall received your payment of ${amount} for “${form}”, bill "
        "reference ${reference}, on ${date} at ${time}.\n\nPayFiP authorisation number: "
        "${authorisation}.\n\nKeep this e-mail: it is your receipt.",
    )
    send([(payment.email, _fr(subject, mapping), _fr(body, mapping))])
    payment.receipt_sent = now or paris_now()


def when_text(moment) -> str:
    """« 12 mars 2026, 10 h 05 »."""
    return f"{french_date(moment.date())}, {french_time(moment.time())}"


def _fr(message, mapping) -> str:
    return translate(Message(message, mapping=mapping), target_language="fr")
