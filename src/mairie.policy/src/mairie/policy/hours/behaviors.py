"""The ``mairie.opening_hours`` behavior: weekly hours, exceptional closures, holiday hours.

Rows are edited as tables (collective.z3cform.datagridfield) and stored as plain
dicts on the object; ``schedule.Schedule.of(obj)`` reads them.
"""

from . import validation
from .schedule import WEEKDAYS
from collective.z3cform.datagridfield.datagridfield import DataGridFieldFactory
from collective.z3cform.datagridfield.datagridfield import DataGridFieldWidget
from collective.z3cform.datagridfield.datagridfield import DataGridValidator
from collective.z3cform.datagridfield.row import DictRow
from mairie.policy import _
from plone.autoform import directives
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from z3c.form.validator import WidgetValidatorDiscriminators
from zope import schema
from zope.interface import implementer
from zope.interface import Interface
from zope.interface import provider
from zope.schema.interfaces import IList
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


DAY_TITLES = {
    "lundi": _("weekday_monday", default="Monday"),
    "mardi": _("weekday_tuesday", default="Tuesday"),
    "mercredi": _("weekday_wednesday", default="Wednesday"),
    "jeudi": _("weekday_thursday", default="Thursday"),
    "vendredi": _("weekday_friday", default="Friday"),
    "samedi": _("weekday_saturday", default="Saturday"),
    "dimanche": _("weekday_sunday", default="Sunday"),
}
WEEKDAY_VOCABULARY = SimpleVocabulary([SimpleTerm(day, day, DAY_TITLES[day]) for day in WEEKDAYS])


class IRows(IList):
    """A table of rows whose rules (the field's constraint) apply to the whole table."""


@implementer(IRows)
class Rows(schema.List):
    pass


class RowsValidator(DataGridValidator):
    """The data grid's validator checks each cell but not the table: check its rules too."""

    def validate(self, value, force=False):
        super().validate(value, force)
        if value:
            self.field.validate(value)


WidgetValidatorDiscriminators(RowsValidator, field=IRows, widget=DataGridFieldWidget)


def _day():
    return schema.Choice(title=_("label_hours_day", default="Day"), vocabulary=WEEKDAY_VOCABULARY)


def _time(title):
    return schema.TextLine(
        title=title,
        description=_("help_hours_time", default="HH:MM, for example 08:30"),
        constraint=validation.check_time,
        max_length=5,
    )


def _first_day():
    return schema.Date(title=_("label_hours_first_day", default="First day"))


def _last_day():
    return schema.Date(title=_("label_hours_last_day", default="Last day"))


class IOpeningRange(Interface):
    day = _day()
    opens = _time(_("label_hours_opens", default="Opens"))
    closes = _time(_("label_hours_closes", default="Closes"))


class IDatedRange(Interface):
    """An opening on one date, beyond the week (an appointment counter's extra openings)."""

    day = schema.Date(title=_("label_hours_date", default="Date"))
    opens = _time(_("label_hours_opens", default="Opens"))
    closes = _time(_("label_hours_closes", default="Closes"))


class IClosure(Interface):
    first_day = _first_day()
    last_day = _last_day()
    reason = schema.TextLine(
        title=_("label_hours_reason", default="Reason"),
        description=_("help_hours_reason", default="For example: Armistice, summer closure"),
        required=False,
        max_length=100,
    )


class IHolidayRange(Interface):
    first_day = _first_day()
    last_day = _last_day()
    day = _day()
    opens = _time(_("label_hours_opens", default="Opens"))
    closes = _time(_("label_hours_closes", default="Closes"))


@provider(IFormFieldProvider)
class IOpeningHours(model.Schema):
    model.fieldset(
        "hours",
        label=_("fieldset_hours", default="Opening hours"),
        fields=["opening_hours", "closures", "holiday_hours"],
    )

    opening_hours = Rows(
        title=_("label_opening_hours", default="Opening hours"),
        description=_(
            "help_opening_hours",
            default="One row per opening range; a day with two ranges (morning and "
            "afternoon) has two rows. A day without rows is closed.",
        ),
        value_type=DictRow(title=_("label_hours_range", default="Range"), schema=IOpeningRange),
        required=False,
        default=[],
        constraint=validation.check_weekly,
    )
    directives.widget("opening_hours", DataGridFieldFactory, auto_append=False)

    closures = Rows(
        title=_("label_closures", default="Exceptional closures"),
        description=_(
            "help_closures",
            default="Days when the place is closed all day: public holidays, summer closure…",
        ),
        value_type=DictRow(title=_("label_closure", default="Closure"), schema=IClosure),
        required=False,
        default=[],
        constraint=validation.check_closures,
    )
    directives.widget("closures", DataGridFieldFactory, auto_append=False)

    holiday_hours = Rows(
        title=_("label_holiday_hours", default="Holiday hours"),
        description=_(
            "help_holiday_hours",
            default="Different hours during a period (school holidays, summer): from the "
            "first to the last day, only these rows apply.",
        ),
        value_type=DictRow(
            title=_("label_holiday_range", default="Holiday range"), schema=IHolidayRange
        ),
        required=False,
        default=[],
        constraint=validation.check_holiday_hours,
    )
    directives.widget("holiday_hours", DataGridFieldFactory, auto_append=False)
