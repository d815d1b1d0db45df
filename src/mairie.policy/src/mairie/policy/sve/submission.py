"""One submission, from the web form or the REST API: checked, stored, acknowledged.

Each visitor's address may send ``max_per_ip`` requests to a form in 10
minutes, counted in the database by mairie.policy.counters (every instance sees
the count); a refused or failed submission is not counted.
"""

from . import mails
from .fields import email_field_name
from .honeypot import honeypot_names
from .records import store_request
from collective.easyform.api import get_schema
from collective.easyform.config import FORM_ERROR_MARKER
from collective.easyform.interfaces import ILabel
from email_validator import EmailNotValidError
from email_validator import validate_email
from mairie.policy import _
from mairie.policy import counters
from mairie.policy import logger
from mairie.policy.backoffice.access import visitor_address
from mairie.policy.captcha.field import captcha_names
from mairie.policy.interfaces import CountersUnavailable
from mairie.policy.pdf import MB
from plone import api
from plone.namedfile.interfaces import INamed
from Products.statusmessages.interfaces import IStatusMessage
from zope.i18n import translate
from zope.schema import getFieldsInOrder


WINDOW = 600  # seconds: "sent from one address in 10 minutes"


class Refused(Exception):
    """The submission is refused; ``errors`` maps field names (or the form) to messages.

    ``status`` is the HTTP status the REST API answers with.
    """

    def __init__(self, errors, status=400):
        super().__init__(errors)
        self.errors = errors
        self.status = status


def submit(form, action, data: dict, request, now=None):
    """Store the request first, then acknowledge it once the transaction commits."""
    email_field = _check(action, data, request, form)
    fields = answer_fields(form)
    answers = {name: data[name] for name, _title in fields if name in data}
    record = store_request(
        form, action.prefix, action.yearly_reset, answers, data[email_field], now
    )
    messages = [mails.registration(form, record)]
    if not action.manual_review:
        messages.append(mails.receipt(form, action, record))
        record.receipt_sent = record.received
    messages += mails.notification(form, action, record, fields)
    mails.send(messages)
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


def _check(action, data, request, form) -> str:
    """Refuse what cannot be registered; the name of the form's e-mail field otherwise."""
    email_field = email_field_name(get_schema(form), action.email_field)
    if email_field is None:
        _misconfigured(form, action, request)
    errors = {}
    if not _is_email(data.get(email_field)):
        errors[email_field] = translate(
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
    if errors:
        raise Refused(errors)
    _count(form, action, request)
    return email_field


def _misconfigured(form, action, request):
    """The form has no field for the person's address: say so, in French, and register nothing.

    Its editors see the same fault above the form (sve/health.py).
    """
    logger.error(
        "SVE: %s has no e-mail field (action asks for %r): request refused",
        "/".join(form.getPhysicalPath()),
        action.email_field,
    )
    if action.service_email:
        message = _(
            "error_sve_no_email_field_write",
            default="This online procedure cannot register your request yet: it has no field "
            "for your e-mail address, where the acknowledgement is sent. Nothing was "
            "registered. Please write to the town hall at ${email}.",
            mapping={"email": action.service_email},
        )
    else:
        message = _(
            "error_sve_no_email_field",
            default="This online procedure cannot register your request yet: it has no field "
            "for your e-mail address, where the acknowledgement is sent. Nothing was "
            "registered. Please contact the town hall.",
        )
    raise Refused({FORM_ERROR_MARKER: translate(message, context=request)}, 503)


def _is_email(value) -> bool:
    """An address a mail can be sent to: no control character (NUL, CR, LF) to slip into ``To:``."""
    try:
        validate_email(value or "", check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


def _count(form, action, request) -> None:
    """Count this request against its visitor's address, or refuse it.

    Checked and counted at once in the database, for every instance; the count
    is given back if the request is not stored after all.
    """
    scope = "/".join(form.getPhysicalPath())
    try:
        allowed = counters.hit(
            api.portal.get(), scope, visitor_address(request), action.max_per_ip, WINDOW
        )
    except CountersUnavailable:
        raise Refused(
            {FORM_ERROR_MARKER: translate(counters.UNAVAILABLE, context=request)}, 503
        ) from None
    if not allowed:
        message = _(
            "error_sve_rate_limit",
            default="Too many requests were sent from your connection in the last "
            "minutes. Please try again in 10 minutes.",
        )
        raise Refused({FORM_ERROR_MARKER: translate(message, context=request)}, 429)
