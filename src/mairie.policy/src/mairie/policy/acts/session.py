"""A council session (séance du conseil municipal): its schema and class."""

from mairie.policy import _
from mairie.policy.acts import vocabularies
from mairie.policy.acts.dates import long_date
from mairie.policy.acts.dates import site_language
from mairie.policy.pdf import pdf_constraint
from mairie.policy.uploads.widget import UploadFieldWidget
from plone.app.textfield import RichText
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from zope import schema
from zope.i18n import translate
from zope.interface import implementer
from zope.schema import ValidationError


class MinutesNotAPDF(ValidationError):
    __doc__ = _(
        "error_minutes_not_a_pdf",
        default="This file is not a PDF document: send the approved minutes as a PDF file.",
    )


class ICouncilSession(model.Schema):
    """A session of the municipal council, with its documents and minutes."""

    start = schema.Datetime(
        title=_("label_session_start", default="Date and time"),
        required=True,
    )
    place = schema.TextLine(
        title=_("label_session_place", default="Place"),
        default="Salle du conseil",
        required=False,
    )
    convocation_date = schema.Date(
        title=_("label_convocation_date", default="Date of the convocation"),
        required=False,
    )
    agenda = RichText(
        title=_("label_agenda", default="Agenda"),
        required=False,
    )
    state = schema.Choice(
        title=_("label_session_state", default="State"),
        vocabulary=vocabularies.SESSION_STATES,
        default="planned",
        required=True,
    )
    directives.widget("minutes", UploadFieldWidget)
    minutes = NamedBlobFile(
        title=_("label_minutes", default="Minutes (PDF)"),
        description=_(
            "help_minutes",
            default="The procès-verbal, published on the session page once the council has approved it.",
        ),
        constraint=pdf_constraint(MinutesNotAPDF),
        required=False,
    )
    minutes_approved = schema.Bool(
        title=_("label_minutes_approved", default="Minutes approved by the council"),
        default=False,
        required=False,
    )


@implementer(ICouncilSession)
class CouncilSession(Container):
    """Its title is computed from its date, so it is never typed nor out of step."""

    start = None

    @property
    def title(self):
        if self.start is None:
            return ""
        language = site_language()
        message = _(
            "session_title",
            default="Council session of ${date}",
            mapping={"date": long_date(self.start, target_language=language)},
        )
        return translate(message, target_language=language)

    @title.setter
    def title(self, value):
        """Ignored: the title follows the date."""


class SessionNameFromDate:
    """The session's id is its date (« seance-2026-11-26 »)."""

    def __init__(self, context):
        self.context = context

    @property
    def title(self):
        start = self.context.start
        return f"seance-{start:%Y-%m-%d}" if start else None
