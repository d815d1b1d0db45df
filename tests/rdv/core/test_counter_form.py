"""A counter's hours in its edit form: the tables of every place, bad hours refused in French."""

from datetime import date
from mairie.rdv.content.counter import ICounter
from owner import owner_browser
from rdv.conftest import WEEK
from zope.i18n import translate
from zope.interface import Invalid

import pytest
import transaction


ROW = "form.widgets.IOpeningHours.opening_hours.0.widgets."


def editor(functional, counter):
    return owner_browser(functional, counter.absolute_url() + "/@@edit")


def test_the_form_shows_the_hours_as_tables(http_agenda, functional):
    browser = editor(functional, http_agenda["guichet-1"])
    page = browser.contents
    assert "Horaires d'ouverture" in page
    assert browser.getControl(name=ROW + "day:list").value == ["lundi"]
    assert browser.getControl(name=ROW + "opens").value == "09:00"
    # The week, the closures, then the counter's extra openings.
    assert page.index("IOpeningHours.closures") < page.index("exceptional_openings")
    assert "Ouvertures exceptionnelles" in page


def test_a_wrong_hour_is_refused_in_french(http_agenda, functional):
    browser = editor(functional, http_agenda["guichet-1"])
    browser.getControl(name=ROW + "opens").value = "25:00"
    browser.getControl(name="form.buttons.save").click()
    assert browser.headers["status"].startswith("200")
    page = browser.contents.replace("&#x27;", "'").replace("&#39;", "'")
    assert "Saisissez une heure au format HH:MM, par exemple 08:30" in page
    assert "25:00" in page
    transaction.begin()
    assert http_agenda["guichet-1"].opening_hours == WEEK


def test_a_good_hour_is_saved(http_agenda, functional):
    browser = editor(functional, http_agenda["guichet-1"])
    browser.getControl(name=ROW + "opens").value = "08:30"
    browser.getControl(name="form.buttons.save").click()
    transaction.begin()
    assert http_agenda["guichet-1"].opening_hours[0] == {
        "day": "lundi",
        "opens": "08:30",
        "closes": "12:00",
    }


def test_an_extra_opening_closing_before_it_opens_names_its_date():
    field = ICounter["exceptional_openings"]
    with pytest.raises(Invalid) as error:
        field.validate([{"day": date(2027, 6, 5), "opens": "12:00", "closes": "09:00"}])
    assert translate(error.value.args[0], target_language="fr") == (
        "05/06/2027 : l'heure de fermeture (09:00) doit être postérieure à l'heure d'ouverture (12:00)."
    )
    field.validate([{"day": date(2027, 6, 5), "opens": "09:00", "closes": "12:00"}])


def test_a_new_counter_is_proposed_the_usual_week(http_agenda, functional):
    browser = owner_browser(functional, http_agenda.absolute_url() + "/++add++mairie.Counter")
    rows = [
        (
            browser.getControl(name=f"{prefix}day:list").value,
            browser.getControl(name=f"{prefix}opens").value,
            browser.getControl(name=f"{prefix}closes").value,
        )
        for index in range(9)
        for prefix in [ROW.replace(".0.", f".{index}.")]
    ]
    assert rows[:2] == [(["lundi"], "08:30", "12:00"), (["lundi"], "13:30", "17:00")]
    assert (["mercredi"], "08:30", "12:00") in rows
    assert rows[-1] == (["vendredi"], "13:30", "16:30")
    # An existing counter shows its own week, not this one.
    browser = editor(functional, http_agenda["guichet-1"])
    assert browser.getControl(name=ROW + "opens").value == "09:00"
