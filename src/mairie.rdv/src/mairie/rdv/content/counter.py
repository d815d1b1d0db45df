"""« Guichet »: a counter (station) with its services and agents.

Its hours are those of every place (the ``mairie.opening_hours`` behavior: the
week's rows, exceptional closures, holiday hours), plus openings on given dates.
"""

from collective.z3cform.datagridfield.datagridfield import DataGridFieldFactory
from collective.z3cform.datagridfield.row import DictRow
from mairie.policy.hours import validation
from mairie.policy.hours.behaviors import IDatedRange
from mairie.policy.hours.behaviors import IOpeningHours
from mairie.policy.hours.behaviors import Rows
from mairie.policy.offices.provisioning import weekly_rows
from mairie.rdv import _
from mairie.rdv.content.agenda import IAgenda
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from plone.z3cform.textlines import TextLinesFieldWidget
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from z3c.form.widget import ComputedWidgetAttribute
from zope import schema
from zope.interface import implementer


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

    # In the fieldset of the behavior's hours.
    model.fieldset("hours", fields=["exceptional_openings"])
    exceptional_openings = Rows(
        title=_("label_rdv_exceptional_openings", default="Extra openings"),
        description=_(
            "help_rdv_exceptional_openings",
            default="One row per range on a given date. They open even a closed day or a "
            "public holiday.",
        ),
        value_type=DictRow(
            title=_("label_rdv_exceptional_opening", default="Extra opening"), schema=IDatedRange
        ),
        required=False,
        default=[],
        constraint=validation.check_weekly,
    )
    directives.widget("exceptional_openings", DataGridFieldFactory, auto_append=False)
    directives.order_after(exceptional_openings="IOpeningHours.closures")

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


# The week a new counter's form proposes (an agenda's add form), as before profile 1003.
PROPOSED_WEEK = {
    "lundi": ["08:30-12:00", "13:30-17:00"],
    "mardi": ["08:30-12:00", "13:30-17:00"],
    "mercredi": ["08:30-12:00"],
    "jeudi": ["08:30-12:00", "13:30-17:00"],
    "vendredi": ["08:30-12:00", "13:30-16:30"],
}
proposed_week = ComputedWidgetAttribute(
    lambda adapter: weekly_rows(PROPOSED_WEEK),
    context=IAgenda,
    field=IOpeningHours["opening_hours"],
)


@implementer(ICounter)
class Counter(Item):
    def offers(self, service) -> bool:
        return service.getId() in (self.services or ())
