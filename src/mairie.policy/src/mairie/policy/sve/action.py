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
from collective.easyform.interfaces import IAction
from mairie.policy import _
from plone.supermodel.exportimport import BaseHandler
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid

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
        default="email",
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
        values=(NO_DECISION, ACCEPTANCE, REJECTION),
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
        values=("months", "days"),
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
        """Store, number and acknowledge; a refusal is a dict of messages per field."""
        try:
            submit(get_context(self), self, dict(fields), request)
        except Refused as refused:
            return refused.errors
        return None


SveActionFactory = ActionFactory(
    SveAction,
    _("label_sve_action", default="Online request (SVE)"),
    "collective.easyform.AddDataSavers",
)
SveActionHandler = BaseHandler(SveAction)
