"""« Motif »: what a citizen comes for, with its duration."""

from datetime import timedelta
from mairie.rdv import _
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


ANTS_REASONS = SimpleVocabulary(
    [
        SimpleTerm("", "none", _("ants_reason_none", default="No identity document")),
        SimpleTerm("CNI", "CNI", _("ants_reason_cni", default="Identity card")),
        SimpleTerm("PASSPORT", "PASSPORT", _("ants_reason_passport", default="Passport")),
        SimpleTerm(
            "CNI-PASSPORT",
            "CNI-PASSPORT",
            _("ants_reason_both", default="Identity card and passport"),
        ),
    ]
)


class IRdvService(model.Schema):
    """Title and description (what to bring) come from the plone.basic behavior."""

    duration = schema.Int(
        title=_("label_rdv_duration", default="Duration, in minutes"),
        default=15,
        min=5,
        max=480,
    )
    per_person = schema.Bool(
        title=_("label_rdv_per_person", default="Duration per person"),
        description=_(
            "help_rdv_per_person",
            default="Ticked, the duration is multiplied by the number of people coming.",
        ),
        default=False,
        required=False,
    )
    max_people = schema.Int(
        title=_("label_rdv_max_people", default="Largest number of people per appointment"),
        default=1,
        min=1,
        max=10,
    )
    ants_reason = schema.Choice(
        title=_("label_rdv_ants_reason", default="Identity document (ANTS)"),
        description=_(
            "help_rdv_ants_reason",
            default="For an identity card or a passport, each person gives their ANTS "
            "pre-application number, checked with the national service before booking.",
        ),
        vocabulary=ANTS_REASONS,
        default="",
        required=False,
    )


@implementer(IRdvService)
class RdvService(Item):
    def length(self, people: int) -> timedelta:
        minutes = self.duration * (people if self.per_person else 1)
        return timedelta(minutes=minutes)
