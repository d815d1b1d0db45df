"""mairie.rdv 1003: counters made by the previous code, their text hours turned into rows."""

from datetime import date
from freezegun import freeze_time
from mairie.rdv.slots import free_slots
from mairie.rdv.upgrades.v1003 import convert
from rdv.conftest import add_counter

import logging
import pytest
import transaction


PROFILE = "mairie.rdv:default"
NEW = ("opening_hours", "closures", "exceptional_openings")


def as_before(counter, **former):
    """The counter as the previous code stored it: text attributes, none of the rows."""
    counter._p_activate()
    for name in NEW:
        counter.__dict__.pop(name, None)
    counter.__dict__.update(former)
    counter._p_changed = True
    return counter


@pytest.fixture
def commune_1002(agenda):
    """The agenda of the rdv tests, its counter type and counters as profile 1002 left them."""
    portal = agenda.aq_parent
    fti = portal.portal_types["mairie.Counter"]
    fti.behaviors = tuple(name for name in fti.behaviors if name != "mairie.opening_hours")
    week = {day: "09:00-12:00, 14:00-17:00" for day in ("monday", "tuesday", "thursday")}
    as_before(
        agenda["guichet-1"],
        **week,
        wednesday="9h-12h",  # the previous reader took it
        friday="09:00 - 12:00, 14:00-24:00",
        saturday="",
        sunday="",
        closed_days="03/03/2027 : Formation\n08/03/2027 - 09/03/2027 : Congés",
        extra_openings="06/03/2027 : 09:00-10:00, 10:30-11:00",
    )
    # Created without its days: it read the fields' defaults.
    as_before(add_counter(agenda, "guichet-2", services=("cni",)), saturday="10:00-12:00")
    portal.portal_setup.setLastVersionForProfile(PROFILE, "1002")
    ghosts(agenda)
    return agenda


def ghosts(agenda):
    """The counters saved, then unloaded: read from the database as an upgrade finds them."""
    transaction.savepoint(optimistic=True)
    for counter in agenda.counters():
        counter._p_deactivate()
        assert counter.__dict__ == {}


def upgrade(agenda):
    setup = agenda.aq_parent.portal_setup
    setup.upgradeProfile(PROFILE, dest="1003")
    assert setup.getLastVersionForProfile(PROFILE) == ("1003",)


def rows(day, *ranges):
    return [{"day": day, "opens": opens, "closes": closes} for opens, closes in ranges]


@freeze_time("2027-03-01 08:00:00+01:00")
def test_the_text_becomes_rows_and_the_slots_stay(commune_1002):
    upgrade(commune_1002)
    counter = commune_1002["guichet-1"]
    assert counter.opening_hours == (
        rows("lundi", ("09:00", "12:00"), ("14:00", "17:00"))
        + rows("mardi", ("09:00", "12:00"), ("14:00", "17:00"))
        + rows("mercredi", ("09:00", "12:00"))
        + rows("jeudi", ("09:00", "12:00"), ("14:00", "17:00"))
        + rows("vendredi", ("09:00", "12:00"), ("14:00", "23:59"))
    )
    assert counter.closures == [
        {"first_day": date(2027, 3, 3), "last_day": date(2027, 3, 3), "reason": "Formation"},
        {"first_day": date(2027, 3, 8), "last_day": date(2027, 3, 9), "reason": "Congés"},
    ]
    assert counter.exceptional_openings == rows(
        date(2027, 3, 6), ("09:00", "10:00"), ("10:30", "11:00")
    )
    assert not {"monday", "closed_days", "extra_openings"} & set(counter.__dict__)
    assert "mairie.opening_hours" in commune_1002.aq_parent.portal_types["mairie.Counter"].behaviors
    slots = free_slots(
        commune_1002, commune_1002["etat-civil"], 1, date(2027, 3, 1), date(2027, 3, 10)
    )
    days = sorted({slot.start.date() for slot in slots})
    assert days == [date(2027, 3, d) for d in (2, 4, 5, 6, 10)]  # 1: the notice
    assert len([slot for slot in slots if slot.start.date() == date(2027, 3, 6)]) == 6
    # The defaults of the previous fields, for the days it had not stored.
    second = commune_1002["guichet-2"]
    assert second.opening_hours[:2] == rows("lundi", ("08:30", "12:00"), ("13:30", "17:00"))
    assert rows("mercredi", ("08:30", "12:00")) == [
        row for row in second.opening_hours if row["day"] == "mercredi"
    ]
    assert second.opening_hours[-1] == rows("samedi", ("10:00", "12:00"))[0]
    assert second.closures == second.exceptional_openings == []


def test_an_unreadable_counter_is_kept_whole_and_logged(commune_1002, caplog):
    counter = commune_1002["guichet-1"]
    as_before(counter, monday="le matin", closed_days="03/03/2027 : Formation")
    before = {name: value for name, value in counter.__dict__.items() if not name.startswith("_v_")}
    ghosts(commune_1002)
    with caplog.at_level(logging.ERROR, logger="mairie.rdv"):
        upgrade(commune_1002)
    # Nothing written: neither rows nor the readable days; the old text is still there.
    assert not set(NEW) & set(counter.__dict__)
    assert {name: counter.__dict__[name] for name in before} == before
    assert counter.__dict__["monday"] == "le matin"
    [record] = [record for record in caplog.records if "guichet-1" in record.getMessage()]
    assert "le matin" in record.getMessage() and record.levelno == logging.ERROR
    # The other counter converted.
    assert "monday" not in commune_1002["guichet-2"].__dict__


def test_an_extra_period_is_not_an_opening(commune_1002):
    counter = as_before(
        commune_1002["guichet-1"], extra_openings="01/03/2027 - 02/03/2027 : 9h-12h"
    )
    ghosts(commune_1002)
    upgrade(commune_1002)
    assert counter.__dict__["extra_openings"] == "01/03/2027 - 02/03/2027 : 9h-12h"
    assert "opening_hours" not in counter.__dict__


def test_twice_changes_nothing(commune_1002):
    upgrade(commune_1002)
    counters = {id: dict(commune_1002[id].__dict__) for id in ("guichet-1", "guichet-2")}
    commune_1002.aq_parent.portal_setup.setLastVersionForProfile(PROFILE, "1002")
    upgrade(commune_1002)
    assert {id: dict(commune_1002[id].__dict__) for id in counters} == counters
    behaviors = commune_1002.aq_parent.portal_types["mairie.Counter"].behaviors
    assert behaviors.count("mairie.opening_hours") == 1


def test_a_counter_not_yet_loaded_from_the_database_converts(commune_1002):
    counter = commune_1002["guichet-1"]
    counter._p_deactivate()  # a ghost: its __dict__ is empty until an attribute is read
    assert convert(counter)
    assert "monday" not in counter.__dict__ and counter.opening_hours
