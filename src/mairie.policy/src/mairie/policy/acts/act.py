"""The act (délibération, arrêté, décision): its schema, class and rules."""

from mairie.policy import _
from mairie.policy.acts import vocabularies
from mairie.policy.french import plural
from mairie.policy.pdf import pdf_constraint
from mairie.policy.uploads.widget import UploadFieldWidget
from plone import api
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from z3c.form.interfaces import IAddForm
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant
from zope.schema import ValidationError

import re


SUBCODE = re.compile(r"^[1-9]\.\d{1,2}$")


class NotAPDF(ValidationError):
    __doc__ = _(
        "error_not_a_pdf",
        default="This file is not a PDF document: send the full text of the act as a PDF file.",
    )


class BadSubjectSubcode(ValidationError):
    __doc__ = _(
        "error_bad_subject_subcode",
        default="Give the second-level ACTES code as two numbers separated by a dot, e.g. 7.1.",
    )


is_pdf = pdf_constraint(NotAPDF)


def is_subject_subcode(value):
    if value and not SUBCODE.match(value):
        raise BadSubjectSubcode()
    return True


def number_key(number, decision_date):
    """What must be unique among the acts of a site: the number within its year."""
    return f"{decision_date.year}:{''.join(number.split()).casefold()}"


def find_same_number(number, decision_date, exclude_uid=None):
    """UIDs of other acts of the site with this number in this year."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="mairie.Act", act_number_key=number_key(number, decision_date)
    )
    return [brain.UID for brain in brains if brain.UID != exclude_uid]


class IAct(model.Schema):
    """An act of the commune, published in full as a PDF (CGCT L2131-1)."""

    number = schema.TextLine(
        title=_("label_act_number", default="Act number"),
        description=_(
            "help_act_number",
            default="Unique within the year of the decision, e.g. 2026-042.",
        ),
        required=True,
    )
    nature = schema.Choice(
        title=_("label_act_nature", default="Nature"),
        vocabulary=vocabularies.NATURES,
        default=vocabularies.DELIBERATION,
        required=True,
    )
    title = schema.TextLine(
        title=_("label_act_title", default="Object of the act"),
        required=True,
    )
    decision_date = schema.Date(
        title=_("label_decision_date", default="Date of the decision"),
        required=True,
    )
    session = schema.Choice(
        title=_("label_act_session", default="Council session"),
        description=_(
            "help_act_session",
            default="For a deliberation: the session at which the council adopted it.",
        ),
        vocabulary="mairie.policy.CouncilSessions",
        required=False,
    )
    subject_code = schema.Choice(
        title=_("label_subject_code", default="Subject (ACTES nomenclature)"),
        vocabulary=vocabularies.SUBJECTS,
        required=True,
    )
    subject_subcode = schema.TextLine(
        title=_("label_subject_subcode", default="ACTES sub-subject code"),
        description=_(
            "help_subject_subcode",
            default="Second level of the ACTES nomenclature, e.g. 7.1. Needed by the open-data export of deliberations.",
        ),
        constraint=is_subject_subcode,
        required=False,
    )
    subject_label = schema.TextLine(
        title=_("label_subject_label", default="Sub-subject or theme"),
        description=_(
            "help_subject_label",
            default="In words, e.g. « Décisions budgétaires ».",
        ),
        required=False,
    )
    directives.widget("file", UploadFieldWidget)
    file = NamedBlobFile(
        title=_("label_act_file", default="Full text of the act (PDF)"),
        description=_(
            "help_act_file",
            default="The signed act, as a PDF. Once published it can no longer be replaced.",
        ),
        constraint=is_pdf,
        required=True,
    )
    replaces = schema.Choice(
        title=_("label_act_replaces", default="Corrects and replaces the act"),
        vocabulary="mairie.policy.Acts",
        required=False,
    )

    model.fieldset(
        "votes",
        label=_("fieldset_votes", default="Votes"),
        fields=["vote_effective", "vote_present", "vote_for", "vote_against", "vote_abstention"],
    )
    vote_effective = schema.Int(
        title=_("label_vote_effective", default="Members in office"),
        min=0,
        required=False,
    )
    vote_present = schema.Int(
        title=_("label_vote_present", default="Members who took part in the vote"),
        min=0,
        required=False,
    )
    vote_for = schema.Int(title=_("label_vote_for", default="For"), min=0, required=False)
    vote_against = schema.Int(
        title=_("label_vote_against", default="Against"), min=0, required=False
    )
    vote_abstention = schema.Int(
        title=_("label_vote_abstention", default="Abstentions"), min=0, required=False
    )

    directives.omitted(IAddForm, "publication_datetime", "sha256")
    publication_datetime = schema.Datetime(
        title=_("label_publication_datetime", default="Published on"),
        readonly=True,
        required=False,
    )
    sha256 = schema.ASCIILine(
        title=_("label_sha256", default="SHA-256 fingerprint of the PDF"),
        readonly=True,
        required=False,
    )

    @invariant
    def votes_add_up(data):
        present = getattr(data, "vote_present", None)
        effective = getattr(data, "vote_effective", None)
        cast = [
            getattr(data, name, None) for name in ("vote_for", "vote_against", "vote_abstention")
        ]
        if present is not None and effective is not None and present > effective:
            raise Invalid(
                _(
                    "error_votes_present",
                    default="More members took part in the vote (${present}) than are in office (${effective}).",
                    mapping={"present": present, "effective": effective},
                )
            )
        if present is not None and sum(value or 0 for value in cast) > present:
            raise Invalid(
                _(
                    "error_votes_total",
                    default="For, against and abstentions add up to ${total}, more than the ${present} members who took part in the vote.",
                    mapping={"total": sum(value or 0 for value in cast), "present": present},
                )
            )

    @invariant
    def subcode_in_subject(data):
        code = getattr(data, "subject_code", None)
        subcode = getattr(data, "subject_subcode", None)
        if code and subcode and subcode.split(".")[0] != code:
            raise Invalid(
                _(
                    "error_subcode_subject",
                    default="The sub-subject ${subcode} does not belong to subject ${code}.",
                    mapping={"subcode": subcode, "code": code},
                )
            )

    @invariant
    def number_unique_in_year(data):
        number = getattr(data, "number", None)
        decision_date = getattr(data, "decision_date", None)
        if not number or not decision_date:
            return
        # z3c.form passes a Data object whose __context__ is the form's
        # context (the container when adding); other callers pass the act.
        context = getattr(data, "__context__", data)
        own_uid = api.content.get_uuid(context) if IAct.providedBy(context) else None
        if find_same_number(number, decision_date, exclude_uid=own_uid):
            raise Invalid(
                _(
                    "error_duplicate_number",
                    default="An act numbered ${number} already exists for ${year}: choose another number.",
                    mapping={"number": number, "year": decision_date.year},
                )
            )


@implementer(IAct)
class Act(Item):
    """An act; publication_datetime and sha256 are only written by acts.publication."""

    publication_datetime = None
    sha256 = None


class ActNameFromNumber:
    """The act's id is its number (« 2026-042 »): short, stable, quotable."""

    def __init__(self, context):
        self.context = context

    @property
    def title(self):
        return self.context.number


def vote_result(act):
    """The outcome of the vote, in words, or None when no vote is recorded."""
    cast_for, against, abstention = act.vote_for, act.vote_against, act.vote_abstention
    if cast_for is None and against is None:
        return None
    cast_for, against, abstention = cast_for or 0, against or 0, abstention or 0
    if against == 0 and abstention == 0:
        votes = plural(
            cast_for,
            _("vote_votes_one", default="${count} vote", mapping={"count": cast_for}),
            _("vote_votes_many", default="${count} votes", mapping={"count": cast_for}),
        )
        return _(
            "vote_unanimous", default="Adopted unanimously (${votes})", mapping={"votes": votes}
        )
    mapping = {
        "for": cast_for,
        "against": against,
        "abstentions": plural(
            abstention,
            _("vote_abstentions_one", default="${count} abstention", mapping={"count": abstention}),
            _(
                "vote_abstentions_many",
                default="${count} abstentions",
                mapping={"count": abstention},
            ),
        ),
    }
    if cast_for > against:
        return _(
            "vote_adopted",
            default="Adopted: ${for} for, ${against} against, ${abstentions}",
            mapping=mapping,
        )
    return _(
        "vote_rejected",
        default="Rejected: ${for} for, ${against} against, ${abstentions}",
        mapping=mapping,
    )
