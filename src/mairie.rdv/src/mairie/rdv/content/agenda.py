"""« Prise de rendez-vous »: one commune's booking, holding its services and counters."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from mairie.rdv import _
from mairie.rdv.timetable import valid_periods
from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


class IAgenda(model.Schema):
    """Title and description come from the plone.basic behavior."""

    days_ahead = schema.Int(
        title=_("label_rdv_days_ahead", default="How many days ahead one can book"),
        description=_(
            "help_rdv_days_ahead",
            default="Citizens see and book slots up to this many days from today.",
        ),
        default=60,
        min=1,
        max=366,
    )
    min_notice_hours = schema.Int(
        title=_("label_rdv_min_notice", default="Minimum notice, in hours"),
        description=_(
            "help_rdv_min_notice",
            default="A slot starting sooner than this cannot be booked online.",
        ),
        default=24,
        min=0,
        max=24 * 30,
    )
    max_future_bookings = schema.Int(
        title=_("label_rdv_max_future", default="Future appointments allowed per e-mail address"),
        default=3,
        min=1,
        max=50,
    )
    max_per_address = schema.Int(
        title=_(
            "label_rdv_max_per_address",
            default="Appointments one connection may book in 10 minutes",
        ),
        description=_(
            "help_rdv_max_per_address",
            default="Against automated booking: past this number, the same Internet connection "
            "must wait 10 minutes. Agents booking on someone's behalf are not counted.",
        ),
        default=5,
        min=1,
        max=100,
    )
    retention_days = schema.Int(
        title=_("label_rdv_retention", default="Keep appointments for, in days after their date"),
        description=_(
            "help_rdv_retention",
            default="Past this delay, appointments and the personal data they hold are deleted.",
        ),
        default=30,
        min=1,
        max=3 * 366,
    )
    open_on_public_holidays = schema.Bool(
        title=_("label_rdv_open_holidays", default="Open on public holidays"),
        description=_(
            "help_rdv_open_holidays",
            default="Unticked, no appointment can be booked on a French public holiday.",
        ),
        default=False,
        required=False,
    )
    alsace_moselle = schema.Bool(
        title=_("label_rdv_alsace_moselle", default="Alsace-Moselle public holidays"),
        description=_(
            "help_rdv_alsace_moselle",
            default="Also closed on Good Friday and on 26 December.",
        ),
        default=False,
        required=False,
    )
    closed_days = schema.Text(
        title=_("label_rdv_closed_days", default="Days closed for every counter"),
        description=_(
            "help_rdv_closed_days",
            default="One line per day or period, with a reason after a colon: "
            "24/12/2027 : Fermeture exceptionnelle or 01/08/2027 - 15/08/2027 : Congés d'été.",
        ),
        required=False,
        constraint=valid_periods,
    )
    notification_email = schema.TextLine(
        title=_("label_rdv_notification_email", default="E-mail address of the reception team"),
        description=_(
            "help_rdv_notification_email",
            default="Receives the daily list of appointments; also the reply address of the "
            "mails sent to citizens.",
        ),
        required=False,
    )


@implementer(IAgenda)
class Agenda(Container):
    def services(self) -> list:
        return [
            obj
            for obj in self.objectValues()
            if getattr(obj, "portal_type", "") == "mairie.RdvService"
        ]

    def counters(self) -> list:
        return [
            obj
            for obj in self.objectValues()
            if getattr(obj, "portal_type", "") == "mairie.Counter"
        ]


def agenda_of(context):
    """The agenda holding ``context`` (itself when it is one), or None."""
    context = aq_inner(context)
    while context is not None:
        if IAgenda.providedBy(context):
            return context
        context = aq_parent(context)
    return None
