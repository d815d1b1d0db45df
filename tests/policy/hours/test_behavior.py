"""The opening hours behavior: bad rows refused with a clear message, nothing saved."""

from datetime import date
from mairie.policy import _
from mairie.policy.hours import validation
from mairie.policy.hours.behaviors import IOpeningHours
from owner import owner_browser
from plone import api
from zope.component.hooks import setSite
from zope.i18n import translate
from zope.interface import Invalid
from zope.schema.interfaces import WrongContainedType

import pytest
import transaction


MONDAY = [{"day": "lundi", "opens": "08:30", "closes": "12:00"}]


def french(error) -> str:
    return translate(error.args[0], target_language="fr")


@pytest.mark.parametrize(
    "field, rows, msgid",
    [
        (
            "opening_hours",
            [{"day": "lundi", "opens": "14:00", "closes": "12:00"}],
            "error_hours_closes_before_opens",
        ),
        (
            "opening_hours",
            [{"day": "lundi", "opens": "12:00", "closes": "12:00"}],
            "error_hours_closes_before_opens",
        ),
        (
            "opening_hours",
            [
                {"day": "lundi", "opens": "08:30", "closes": "12:00"},
                {"day": "lundi", "opens": "11:30", "closes": "17:00"},
            ],
            "error_hours_overlap",
        ),
        (
            "opening_hours",
            [{"day": "lundi", "opens": "8h30", "closes": "12:00"}],
            "error_hours_time",
        ),
        (
            "opening_hours",
            [{"day": "lundi", "opens": "25:00", "closes": "26:00"}],
            "error_hours_time",
        ),
        (
            "closures",
            [{"first_day": date(2026, 8, 20), "last_day": date(2026, 8, 1), "reason": "Été"}],
            "error_hours_period",
        ),
        (
            "holiday_hours",
            [
                {
                    "first_day": date(2026, 7, 1),
                    "last_day": date(2026, 8, 31),
                    "day": "mardi",
                    "opens": "09:00",
                    "closes": "12:00",
                },
                {
                    "first_day": date(2026, 7, 1),
                    "last_day": date(2026, 8, 31),
                    "day": "mardi",
                    "opens": "10:00",
                    "closes": "11:00",
                },
            ],
            "error_hours_overlap",
        ),
    ],
)
def test_the_fields_refuse_bad_rows(field, rows, msgid):
    with pytest.raises(Invalid) as error:
        IOpeningHours[field].validate(rows)
    error = error.value
    if isinstance(error, WrongContainedType):  # a cell's error, within the table's
        [error] = error.errors
        assert error.doc() == error.args[0]  # what the data grid shows under the cell
    assert error.args[0] == msgid
    assert french(error)  # a sentence for people, not an exception's repr


def test_the_message_names_the_day_and_times():
    with pytest.raises(Invalid) as error:
        validation.check_weekly([{"day": "mardi", "opens": "14:00", "closes": "12:00"}])
    message = french(error.value)
    assert "mardi" in message and "14:00" in message and "12:00" in message


def test_good_rows_pass():
    IOpeningHours["opening_hours"].validate(
        [
            {"day": "lundi", "opens": "08:30", "closes": "12:00"},
            {"day": "lundi", "opens": "12:00", "closes": "17:30"},
        ]
    )
    IOpeningHours["closures"].validate(
        [{"first_day": date(2026, 11, 11), "last_day": date(2026, 11, 11), "reason": None}]
    )


@pytest.fixture
def office(functional):
    portal = functional["portal"]
    setSite(portal)
    with api.env.adopt_roles(["Manager"]):
        office = api.content.create(
            container=portal,
            type="mairie.PublicOffice",
            id="accueil",
            title="Accueil",
            opening_hours=MONDAY,
        )
    transaction.commit()
    return office


def test_the_edit_form_refuses_a_range_closing_before_it_opens(office, functional):
    browser = owner_browser(functional, office.absolute_url() + "/@@edit")
    row = "form.widgets.IOpeningHours.opening_hours.0.widgets."
    browser.getControl(name=row + "opens").value = "14:00"
    browser.getControl(name=row + "closes").value = "12:00"
    browser.getControl(name="form.buttons.save").click()
    expected = translate(
        _(
            "error_hours_closes_before_opens",
            default="${day}: the closing time ${closes} must come after the opening time ${opens}.",
            mapping={"day": "lundi", "opens": "14:00", "closes": "12:00"},
        ),
        target_language="fr",
    )
    assert expected in browser.contents.replace("&#x27;", "'").replace("&#39;", "'")
    transaction.begin()
    assert office.opening_hours == MONDAY


def test_the_edit_form_saves_good_rows(office, functional):
    browser = owner_browser(functional, office.absolute_url() + "/@@edit")
    browser.getControl(
        name="form.widgets.IOpeningHours.opening_hours.0.widgets.closes"
    ).value = "12:30"
    browser.getControl(name="form.buttons.save").click()
    transaction.begin()
    assert office.opening_hours == [{"day": "lundi", "opens": "08:30", "closes": "12:30"}]
