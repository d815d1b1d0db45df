"""Free slots: weekly hours, closures, public holidays, extra openings, durations, DST."""

from datetime import date
from datetime import datetime
from datetime import timedelta
from freezegun import freeze_time
from mairie.policy.acts.dates import PARIS
from mairie.policy.holidays import public_holidays
from mairie.rdv.bookings import store
from mairie.rdv.slots import duration
from mairie.rdv.slots import free_slots
from rdv.conftest import add_counter

import pytest


def at(day, hh, mm=0):
    return PARIS.localize(datetime(day.year, day.month, day.day, hh, mm))


def starts(slots, day=None):
    return [
        slot.start.strftime("%H:%M") for slot in slots if day is None or slot.start.date() == day
    ]


TUESDAY = date(2027, 3, 2)


@freeze_time("2027-03-01 08:00:00+01:00")
def test_weekly_ranges_and_duration(agenda):
    slots = free_slots(agenda, agenda["etat-civil"], 1, TUESDAY, TUESDAY)
    # 09:00-12:00 and 14:00-17:00 by 15 minutes: 12 + 12 slots.
    assert len(slots) == 24
    assert starts(slots)[:3] == ["09:00", "09:15", "09:30"]
    assert starts(slots)[11:13] == ["11:45", "14:00"]
    assert all(slot.end - slot.start == timedelta(minutes=15) for slot in slots)
    assert all(slot.counter == "guichet-1" and slot.free == 1 for slot in slots)


@freeze_time("2027-03-01 08:00:00+01:00")
def test_duration_scales_with_people(agenda):
    cni = agenda["cni"]
    assert duration(cni, 3) == timedelta(minutes=60)
    assert duration(agenda["etat-civil"], 2) == timedelta(minutes=15)  # not per person
    slots = free_slots(agenda, cni, 2, TUESDAY, TUESDAY)
    assert starts(slots) == ["09:00", "09:40", "10:20", "11:00", "14:00", "14:40", "15:20", "16:00"]
    # 11:40 + 40 min would end after noon: not offered.
    assert all(slot.end <= at(TUESDAY, 12) or slot.start >= at(TUESDAY, 14) for slot in slots)


@freeze_time("2027-03-01 08:00:00+01:00")
def test_weekend_closed_days_and_extra_openings(agenda):
    counter = agenda["guichet-1"]
    counter.closures = [
        {"first_day": date(2027, 3, 3), "last_day": date(2027, 3, 3), "reason": "Formation"},
        {"first_day": date(2027, 3, 8), "last_day": date(2027, 3, 9), "reason": "Congés"},
    ]
    counter.exceptional_openings = [{"day": date(2027, 3, 6), "opens": "09:00", "closes": "10:00"}]
    agenda.closed_days = "04/03/2027 : Fermeture exceptionnelle"
    slots = free_slots(agenda, agenda["etat-civil"], 1, date(2027, 3, 1), date(2027, 3, 10))
    days = sorted({slot.start.date() for slot in slots})
    assert days == [date(2027, 3, 2), date(2027, 3, 5), date(2027, 3, 6), date(2027, 3, 10)]
    assert starts(slots, date(2027, 3, 6)) == ["09:00", "09:15", "09:30", "09:45"]


@freeze_time("2027-04-30 08:00:00+02:00")
def test_public_holidays_closed_by_default(agenda):
    # 2027: 1 May is a Saturday, 6 May Ascension, 8 May a Saturday.
    assert date(2027, 5, 6) in public_holidays(2027)
    assert date(2027, 3, 26) in public_holidays(2027, alsace_moselle=True)
    assert date(2027, 3, 26) not in public_holidays(2027)
    slots = free_slots(agenda, agenda["etat-civil"], 1, date(2027, 5, 3), date(2027, 5, 7))
    assert date(2027, 5, 6) not in {slot.start.date() for slot in slots}
    agenda.open_on_public_holidays = True
    slots = free_slots(agenda, agenda["etat-civil"], 1, date(2027, 5, 3), date(2027, 5, 7))
    assert date(2027, 5, 6) in {slot.start.date() for slot in slots}


@freeze_time("2027-03-20 08:00:00+01:00")
def test_alsace_moselle_good_friday(agenda):
    good_friday = date(2027, 3, 26)
    assert starts(free_slots(agenda, agenda["etat-civil"], 1, good_friday, good_friday))
    agenda.alsace_moselle = True
    assert starts(free_slots(agenda, agenda["etat-civil"], 1, good_friday, good_friday)) == []


@freeze_time("2027-03-01 08:00:00+01:00")
def test_bookings_and_blocks_take_slots(agenda):
    bookings = store(agenda)
    bookings.book(
        agenda["etat-civil"],
        "",
        at(TUESDAY, 9, 15),
        1,
        "Martin",
        "Jeanne",
        "j@example.fr",
        "0612345678",
    )
    bookings.block("guichet-1", at(TUESDAY, 10), at(TUESDAY, 11), by="agent", reason="Réunion")
    slots = starts(free_slots(agenda, agenda["cni"], 1, TUESDAY, TUESDAY))
    # 09:00-09:15 is too short for 20 minutes; the next slot starts when the booking ends.
    assert slots[:3] == ["09:30", "11:00", "11:20"]
    assert "09:00" not in slots and "10:00" not in slots


@freeze_time("2027-03-01 08:00:00+01:00")
def test_capacity_is_the_number_of_counters(agenda):
    add_counter(agenda, "guichet-2", services=("etat-civil",))
    slots = free_slots(agenda, agenda["etat-civil"], 1, TUESDAY, TUESDAY)
    at_nine = [slot for slot in slots if slot.start == at(TUESDAY, 9)]
    assert {slot.counter for slot in at_nine} == {"guichet-1", "guichet-2"}
    # Only guichet-1 offers the identity card.
    assert {slot.counter for slot in free_slots(agenda, agenda["cni"], 1, TUESDAY, TUESDAY)} == {
        "guichet-1"
    }
    agenda["guichet-1"].capacity = 2
    slots = free_slots(agenda, agenda["etat-civil"], 1, TUESDAY, TUESDAY, counters=["guichet-1"])
    assert slots[0].free == 2


@freeze_time("2027-03-01 10:00:00+01:00")
def test_booking_window(agenda):
    agenda.min_notice_hours = 24
    agenda.days_ahead = 7
    slots = free_slots(agenda, agenda["etat-civil"], 1, date(2027, 3, 1), date(2027, 4, 30))
    assert slots[0].start == at(TUESDAY, 10)  # 24 h after now
    assert max(slot.start.date() for slot in slots) == date(2027, 3, 8)
    # Agents see every future slot, today included.
    slots = free_slots(
        agenda, agenda["etat-civil"], 1, date(2027, 3, 1), date(2027, 3, 1), anytime=True
    )
    assert starts(slots)[0] == "10:00"


@pytest.mark.parametrize(
    "frozen, sunday, tuesday",
    [
        # Spring forward: on Sunday 2027-03-28 at 02:00 clocks go to 03:00
        # (Easter Monday, the 29th, is closed).
        ("2027-03-26 12:00:00+01:00", date(2027, 3, 28), date(2027, 3, 30)),
        # Fall back: on Sunday 2027-10-31 at 03:00 clocks go back to 02:00
        # (All Saints, Monday 1 November, is closed).
        ("2027-10-29 12:00:00+02:00", date(2027, 10, 31), date(2027, 11, 2)),
    ],
)
def test_daylight_saving_change(agenda, frozen, sunday, tuesday):
    agenda["guichet-1"].opening_hours += [{"day": "dimanche", "opens": "01:00", "closes": "04:00"}]
    agenda.min_notice_hours = 36
    with freeze_time(frozen):
        slots = free_slots(agenda, agenda["etat-civil"], 1, sunday, tuesday)
    on_sunday = [slot for slot in slots if slot.start.date() == sunday]
    on_tuesday = [slot for slot in slots if slot.start.date() == tuesday]
    assert not [slot for slot in slots if slot.start.date() == sunday + timedelta(days=1)]
    # Slots are 15 real minutes, even across the change: 01:00-04:00 lasts
    # 2 real hours in spring (8 slots) and 4 in autumn (16 slots).
    assert all(slot.end - slot.start == timedelta(minutes=15) for slot in on_sunday)
    assert len(on_sunday) == (8 if sunday.month == 3 else 16)
    assert len({slot.start for slot in on_sunday}) == len(on_sunday)
    # After the change, wall-clock hours with the new offset.
    offset = "+02:00" if sunday.month == 3 else "+01:00"
    assert on_tuesday[0].start.isoformat() == f"{tuesday}T09:00:00{offset}"
    assert len(on_tuesday) == 24
    # The minimum notice (36 h) counts real hours: Friday noon + 36 h = Sunday 00:00 (or 01:00).
    assert min(slot.start for slot in slots) >= PARIS.localize(
        datetime.fromisoformat(frozen[:19])
    ) + timedelta(hours=36)
