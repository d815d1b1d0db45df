"""« Guichet »: a counter (station) with its services, weekly hours and exceptions."""

from mairie.rdv import _
from mairie.rdv.timetable import valid_openings
from mairie.rdv.timetable import valid_periods
from mairie.rdv.timetable import valid_ranges
from mairie.rdv.timetable import WEEKDAYS
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from plone.z3cform.textlines import TextLinesFieldWidget
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from zope import schema
from zope.interface import implementer


_RANGES_HELP = _(
    "help_rdv_weekday",
    default="Time ranges separated by commas, for example 08:30-12:00, 14:00-17:00. Empty: closed.",
)


def _weekday(title, default: str = ""):
    return schema.TextLine(
        title=title,
        description=_RANGES_HELP,
        required=False,
        default=default,
        constraint=valid_ranges,
    )


class ICounter(model.Schema):
    """Title (« Guichet 1 ») and description come from the plone.basic behavior."""

    directives.widget(services=CheckBoxFieldWidget)
    services = schema.List(
        title=_("label_rdv_counter_services", default="Services offered at this counter"),
        value_type=schema.Choice(vocabulary="mairie.rdv.services"),
        default=[],
        required=False,
    )
    capacity = schema.Int(
        title=_("label_rdv_capacity", default="Appointments at the same time"),
        description=_(
            "help_rdv_capacity",
            default="How many people this counter receives at once (usually 1).",
        ),
        default=1,
        min=1,
        max=20,
    )

    model.fieldset(
        "timetable",
        label=_("fieldset_rdv_timetable", default="Opening hours"),
        fields=list(WEEKDAYS) + ["extra_openings", "closed_days"],
    )
    monday = _weekday(_("label_rdv_monday", default="Monday"), "08:30-12:00, 13:30-17:00")
    tuesday = _weekday(_("label_rdv_tuesday", default="Tuesday"), "08:30-12:00, 13:30-17:00")
    wednesday = _weekday(_("label_rdv_wednesday", default="Wednesday"), "08:30-12:00")
    thursday = _weekday(_("label_rdv_thursday", default="Thursday"), "08:30-12:00, 13:30-17:00")
    friday = _weekday(_("label_rdv_friday", default="Friday"), "08:30-12:00, 13:30-16:30")
    saturday = _weekday(_("label_rdv_saturday", default="Saturday"))
    sunday = _weekday(_("label_rdv_sunday", default="Sunday"))
    extra_openings = schema.Text(
        title=_("label_rdv_extra_openings", default="Extra openings"),
        description=_(
            "help_rdv_extra_openings",
            default="One line per day, a date, a colon, then the hours: "
            "05/06/2027 : 09:00-12:00. They open even a closed day or a public holiday.",
        ),
        required=False,
        constraint=valid_openings,
    )
    closed_days = schema.Text(
        title=_("label_rdv_counter_closed_days", default="Days this counter is closed"),
        description=_(
            "help_rdv_counter_closed_days",
            default="One line per day or period, with a reason after a colon: "
            "24/12/2027 : Agent en formation or 01/08/2027 - 15/08/2027 : Congés.",
        ),
        required=False,
        constraint=valid_periods,
    )

    directives.widget(agents=TextLinesFieldWidget)
    agents = schema.List(
        title=_("label_rdv_agents", default="Agents (user names, one per line)"),
        description=_(
            "help_rdv_agents",
            default="They receive this counter's appointments (daily list, calendar feed).",
        ),
        value_type=schema.TextLine(),
        default=[],
        required=False,
    )


@implementer(ICounter)
class Counter(Item):
    def weekly_ranges(self, weekday: int) -> str:
        """The hours typed for a weekday (0 = Monday)."""
        return getattr(self, WEEKDAYS[weekday], "") or ""

    def offers(self, service) -> bool:
        return service.getId() in (self.services or ())
