"""One submission, from the web form or the REST API: checked, stored, acknowledged."""

from . import mails
from .honeypot import honeypot_names
from .records import store_request
from collective.easyform.api import get_schema
from collective.easyform.config import FORM_ERROR_MARKER
from collective.easyform.interfaces import ILabel
from mairie.policy import _
from mairie.policy import ratelimit
from mairie.policy.backoffice.access import visitor_address
from mairie.policy.captcha.field import captcha_names
from plone.namedfile.interfaces import INamed
from Products.statusmessages.interfaces import IStatusMessage
from zope.i18n import translate
from zope.schema import getFieldsInOrder

import transaction


MB = 1024 * 1024


class Refused(Exception):
    """The submission is refused; ``errors`` maps field names (or the form) to messages."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


def submit(form, action, data: dict, request, now=None):
    """Store the request first, then acknowledge it once the transaction commits."""
    _check(action, data, request, form)
    fields = answer_fields(form)
    answers = {name: data[name] for name, _title in fields if name in data}
    record = store_request(
        form, action.prefix, action.yearly_reset, answers, data[action.email_field], now
    )
    messages = [mails.registration(form, record)]
    if not action.manual_review:
        messages.append(mails.receipt(form, action, record))
        record.receipt_sent = record.received
    messages += mails.notification(form, action, record, fields)
    mails.send(messages)
    address = visitor_address(request)
    transaction.get().addAfterCommitHook(
        lambda committed: committed and ratelimit.record(_scope(form), address)
    )
    IStatusMessage(request).add(
        _(
            "msg_sve_registered",
            default="Your request is registered under the number ${number}. "
            "An acknowledgement is on its way to ${email}.",
            mapping={"number": record.number, "email": record.email},
        )
    )
    return record


def answer_fields(form) -> list[tuple]:
    """(name, title) of the fields a person answers: no label, no honeypot, no captcha."""
    schema = get_schema(form)
    hidden = honeypot_names(schema) | captcha_names(schema)
    return [
        (name, field.title)
        for name, field in getFieldsInOrder(schema)
        if name not in hidden and not ILabel.providedBy(field)
    ]


def _check(action, data, request, form) -> None:
    errors = {}
    email = data.get(action.email_field) or ""
    if "@" not in email.strip("@"):
        errors[action.email_field] = translate(
            _("error_sve_email", default="Give a valid e-mail address, such as nom@exemple.fr."),
            context=request,
        )
    limit = action.max_file_mb * MB
    for name, value in data.items():
        if INamed.providedBy(value) and value.getSize() > limit:
            errors[name] = translate(
                _(
                    "error_sve_file_too_large",
                    default="This file is too large: ${size} MB at most.",
                    mapping={"size": action.max_file_mb},
                ),
                context=request,
            )
    address = visitor_address(request)
    if not errors and not ratelimit.allowed(_scope(form), address, action.max_per_ip):
        errors[FORM_ERROR_MARKER] = translate(
            _(
                "error_sve_rate_limit",
                default="Too many requests were sent from your connection in the last "
                "minutes. Please try again in 10 minutes.",
            ),
            context=request,
        )
    if errors:
        raise Refused(errors)


def _scope(form) -> str:
    return "/".join(form.getPhysicalPath())
