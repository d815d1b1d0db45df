"""The SVE action: an EasyForm action type, configured per form.

Registered through EasyForm's own registries (an ActionFactory and a
supermodel BaseHandler named after the class), so any form can use it.
"""

from .deadlines import ACCEPTANCE
from .deadlines import NO_DECISION
from .deadlines import REJECTION
from .submission import Refused
from .submission import submit
from collective.easyform.actions import Action
from collective.easyform.actions import ActionFactory
from collective.easyform.api import get_context
from collective.easyform.api import get_schema
from collective.easyform.config import FORM_ERROR_MARKER
from collective.easyform.interfaces import IAction
from mairie.policy import _
from plone.supermodel.exportimport import BaseHandler
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

import re


PREFIX = re.compile(r"^[A-Z0-9]{1,20}$")


def _prefix(value):
    if not PREFIX.match(value or ""):
        raise Invalid(
            _(
                "error_sve_prefix",
                default="The prefix is made of 1 to 20 capital letters or digits, e.g. ETATCIVIL.",
            )
        )
    return True


class ISveAction(IAction):
    """Saisine par voie électronique: store, number and acknowledge each request."""

    prefix = schema.ASCIILine(
        title=_("label_sve_prefix", default="Numbering prefix"),
        description=_("help_sve_prefix", default="Numbers read PREFIX-YEAR-000042."),
        default="DEMANDE",
        constraint=_prefix,
    )
    yearly_reset = schema.Bool(
        title=_("label_sve_yearly_reset", default="Start numbering again every year"),
        default=True,
        required=False,
    )
    email_field = schema.ASCIILine(
        title=_("label_sve_email_field", default="Field holding the person's e-mail"),
        description=_(
            "help_sve_email_field",
            default="The short name of one of the form's fields. Left empty, or naming no "
            "field of the form, the form's e-mail field is used.",
        ),
        default="",
        required=False,
    )
    service_name = schema.TextLine(
        title=_("label_sve_service_name", default="Service in charge"), default=""
    )
    service_email = schema.TextLine(
        title=_("label_sve_service_email", default="Service e-mail"),
        default="",
        required=False,
    )
    service_address = schema.TextLine(
        title=_("label_sve_service_address", default="Service postal address"),
        default="",
        required=False,
    )
    service_phone = schema.TextLine(
        title=_("label_sve_service_phone", default="Service phone"), default="", required=False
    )
    implicit_decision = schema.Choice(
        title=_("label_sve_implicit_decision", default="Silence of the administration means"),
        vocabulary=SimpleVocabulary(
            [
                SimpleTerm(NO_DECISION, title=_("sve_silence_none", default="no decision")),
                SimpleTerm(ACCEPTANCE, title=_("sve_silence_acceptance", default="acceptance")),
                SimpleTerm(REJECTION, title=_("sve_silence_rejection", default="rejection")),
            ]
        ),
        default=NO_DECISION,
    )
    decision_delay = schema.Int(
        title=_("label_sve_decision_delay", default="Delay before the implicit decision"),
        default=2,
        min=1,
        max=365,
    )
    decision_delay_unit = schema.Choice(
        title=_("label_sve_decision_delay_unit", default="Unit of the delay"),
        vocabulary=SimpleVocabulary(
            [
                SimpleTerm("months", title=_("sve_unit_months", default="months")),
                SimpleTerm("days", title=_("sve_unit_days", default="days")),
            ]
        ),
        default="months",
    )
    appeal_means = schema.Text(
        title=_("label_sve_appeal_means", default="Appeal delays and means"),
        description=_(
            "help_sve_appeal_means",
            default="Stated in the acknowledgement of receipt when silence means rejection.",
        ),
        default="",
        required=False,
    )
    manual_review = schema.Bool(
        title=_(
            "label_sve_manual_review",
            default="Agents review each request before the acknowledgement of receipt",
        ),
        description=_(
            "help_sve_manual_review",
            default="The acknowledgement of receipt then leaves when an agent takes the "
            "request up, or at the latest by the daily command, within 10 working days.",
        ),
        default=False,
        required=False,
    )
    recipients = schema.List(
        title=_("label_sve_recipients", default="Agents notified of each request (e-mails)"),
        value_type=schema.ASCIILine(),
        default=[],
        required=False,
    )
    retention_months = schema.Int(
        title=_("label_sve_retention", default="Retention period (months)"),
        default=12,
        min=1,
        max=120,
    )
    max_per_ip = schema.Int(
        title=_("label_sve_max_per_ip", default="Submissions allowed per address in 10 minutes"),
        default=5,
        min=1,
    )
    max_file_mb = schema.Int(
        title=_("label_sve_max_file_mb", default="Largest attached file (MB)"), default=2, min=1
    )


@implementer(ISveAction)
class SveAction(Action):
    __doc__ = ISveAction.__doc__

    def __init__(self, **kw):
        for name, field in ISveAction.namesAndDescriptions():
            setattr(self, name, kw.pop(name, field.default))
        super().__init__(**kw)

    def onSuccess(self, fields, request):
        """Store, number and acknowledge; a refusal is a dict of messages per field.

        EasyForm shows a message only beside a field of the form, or at the top
        for FORM_ERROR_MARKER; any other key would leave the bare « Il y a des
        erreurs. », so it goes to the top.
        """
        form = get_context(self)
        try:
            submit(form, self, dict(fields), request)
        except Refused as refused:
            return shown_errors(get_schema(form), refused.errors)
        return None


def shown_errors(schema, errors: dict) -> dict:
    """The refusal's messages, those about no field of the form moved to the top."""
    shown = {name: message for name, message in errors.items() if name in schema}
    elsewhere = [message for name, message in errors.items() if name not in schema]
    if elsewhere:
        shown[FORM_ERROR_MARKER] = " ".join(elsewhere)
    return shown


SveActionFactory = ActionFactory(
    SveAction,
    _("label_sve_action", default="Online request (SVE)"),
    "collective.easyform.AddDataSavers",
)
SveActionHandler = BaseHandler(SveAction)
