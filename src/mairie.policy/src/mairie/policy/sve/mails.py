"""The acknowledgements and the agents' notice, queued with the request itself.

The mails go to the MailHost's disk queue in the same transaction as the
request: a request that was not stored (abort, conflict being retried) queues
nothing, a retried submission queues once, and a mail server down delays the
mails (the queue retries them) without touching the request. A receipt
recorded as sent is therefore one that is safely on its way.
"""

from .deadlines import ACCEPTANCE
from .deadlines import implicit_decision_date
from .deadlines import REJECTION
from collective.easyform.api import get_schema
from email.mime.text import MIMEText
from email.utils import formataddr
from mairie.policy import _
from mairie.policy.acts.dates import long_date
from mairie.policy.french import fr
from mairie.policy.hours.schedule import french_time
from plone import api
from zope.i18nmessageid import Message


def french_date(day) -> str:
    return long_date(day, target_language="fr")


def registration(form, record) -> tuple:
    """The accusé d'enregistrement: the request is registered, with its number and date."""
    mapping = _receipt_mapping(form, record)
    subject = _("mail_sve_registration_subject", default="Request ${number} registered")
    body = _(
        "mail_sve_registration_body",
        default="Your request “${form}” was registered on ${date} at ${time} "
        "under the number ${number}.\n\nKeep this number: it identifies your request "
        "in any exchange with the town hall.",
    )
    return record.email, fr(_msg(subject, mapping)), fr(_msg(body, mapping))


def receipt(form, action, record) -> tuple:
    """The accusé de réception, with what CRPA R112-11-1 requires."""
    mapping = _receipt_mapping(form, record)
    mapping.update(
        {
            "service": action.service_name,
            "contact": action.service_email or action.service_address,
            "phone": action.service_phone or "-",
        }
    )
    paragraphs = [
        _(
            "mail_sve_receipt_body",
            default="The town hall received your request “${form}”, number ${number}, "
            "on ${date} at ${time}.",
        ),
        _(
            "mail_sve_receipt_service",
            default="Service in charge: ${service}, ${contact}, phone ${phone}.",
        ),
    ]
    if action.implicit_decision in (ACCEPTANCE, REJECTION):
        mapping["decision_date"] = french_date(
            implicit_decision_date(
                record.received.date(), action.decision_delay, action.decision_delay_unit
            )
        )
    if action.implicit_decision == ACCEPTANCE:
        paragraphs += [
            _(
                "mail_sve_receipt_acceptance",
                default="Without an answer by ${decision_date}, your request will be deemed "
                "accepted, provided your file is complete.",
            ),
            _(
                "mail_sve_receipt_attestation",
                default="You may then ask the town hall for an attestation of this implicit "
                "decision (article L232-3 of the code des relations entre le public et "
                "l'administration).",
            ),
        ]
    elif action.implicit_decision == REJECTION:
        mapping["appeal"] = action.appeal_means
        paragraphs += [
            _(
                "mail_sve_receipt_rejection",
                default="Without an answer by ${decision_date}, your request will be deemed "
                "rejected, provided your file is complete.",
            ),
            _("mail_sve_receipt_appeal", default="Appeal delays and means: ${appeal}"),
        ]
    subject = _("mail_sve_receipt_subject", default="Acknowledgement of receipt of ${number}")
    body = "\n\n".join(fr(_msg(paragraph, mapping)) for paragraph in paragraphs)
    return record.email, fr(_msg(subject, mapping)), body


def notification(form, action, record, fields) -> list[tuple]:
    """One notice per agent, the number in the subject, the answers in the body."""
    mapping = _receipt_mapping(form, record)
    mapping["url"] = f"{form.absolute_url()}/@@demandes"
    subject = fr(_msg(_("mail_sve_notice_subject", default="[${number}] ${form}"), mapping))
    intro = _("mail_sve_notice_body", default="New request received on ${date} at ${time}: ${url}")
    lines = [fr(_msg(intro, mapping)), ""]
    schema = get_schema(form)
    for name, title in fields:
        value = record.data.get(name)
        if value not in (None, "", [], ()):
            lines.append(f"{fr(title)} : {as_text(value, schema.get(name))}")
    body = "\n".join(lines)
    return [(recipient, subject, body) for recipient in action.recipients]


def send(messages) -> None:
    """Queue (to, subject, body) messages with the current transaction.

    The site's MailHost writes them to its disk queue when the transaction
    commits (see ``mairie.policy.mailqueue``), and only then.
    """
    if not messages:
        return
    mailhost = api.portal.get_tool("MailHost")
    sender = formataddr(
        (
            api.portal.get_registry_record("plone.email_from_name", default="") or "",
            api.portal.get_registry_record("plone.email_from_address", default="") or "",
        )
    )
    for recipient, subject, body in messages:
        mailhost.send(
            MIMEText(body, "plain", "utf-8"),
            mto=recipient,
            mfrom=sender,
            subject=subject,
            charset="utf-8",
        )


def _receipt_mapping(form, record) -> dict:
    return {
        "form": form.Title(),
        "number": record.number,
        "date": french_date(record.received.date()),
        "time": french_time(record.received.time()),
    }


def _msg(message, mapping):
    return Message(message, mapping=mapping)


def as_text(value, field=None) -> str:
    """An answer as people read it: a file's name, the French title of a choice (never
    its stored token, such as ``sve_right_access``), the items of a list."""
    filename = getattr(value, "filename", None)
    if filename is not None:
        return filename
    if isinstance(value, (list, tuple, set, frozenset)):
        item_field = getattr(field, "value_type", None)
        return ", ".join(as_text(item, item_field) for item in value)
    title = _choice_title(field, value)
    return fr(title) if title is not None else str(value)


def _choice_title(field, value):
    vocabulary = getattr(field, "vocabulary", None)
    if vocabulary is None:
        return None
    try:
        return vocabulary.getTerm(value).title
    except LookupError:  # a choice removed from the form since the request was sent
        return None
