"""The schedule, without Plone: open now, closed, next opening, in Europe/Paris."""

from datetime import date
from datetime import datetime
from datetime import time
from datetime import UTC
from freezegun import freeze_time
from mairie.policy.hours.schedule import french_time
from mairie.policy.hours.schedule import PARIS
from mairie.policy.hours.schedule import Schedule

import json
import pytest


WEEK = [
    {"day": "lundi", "opens": "08:30", "closes": "12:00"},
    {"day": "lundi", "opens": "13:30", "closes": "17:30"},
    {"day": "mardi", "opens": "08:30", "closes": "12:00"},
    {"day": "mercredi", "opens": "08:30", "closes": "12:00"},
    {"day": "mercredi", "opens": "13:30", "closes": "17:30"},
    {"day": "jeudi", "opens": "08:30", "closes": "12:00"},
    {"day": "vendredi", "opens": "08:30", "closes": "12:00"},
    {"day": "vendredi", "opens": "13:30", "closes": "17:00"},
    {"day": "samedi", "opens": "09:00", "closes": "12:00"},
]
ARMISTICE = {"first_day": date(2026, 11, 11), "last_day": date(2026, 11, 11), "reason": "Armistice"}
SUMMER = [
    {
        "first_day": date(2026, 7, 13),
        "last_day": date(2026, 8, 21),
        "day": day,
        "opens": "09:00",
        "closes": "12:00",
    }
    for day in ("lundi", "mercredi", "vendredi")
]


def paris(*args):
    return datetime(*args, tzinfo=PARIS)


@pytest.fixture
def schedule():
    return Schedule(WEEK, [ARMISTICE], SUMMER)


# Monday 2 November 2026, hour by hour.
@pytest.mark.parametrize(
    "now, is_open, moment",
    [
        (paris(2026, 11, 2, 7, 0), False, paris(2026, 11, 2, 8, 30)),
        (paris(2026, 11, 2, 8, 30), True, paris(2026, 11, 2, 12, 0)),
        (paris(2026, 11, 2, 11, 59), True, paris(2026, 11, 2, 12, 0)),
        (paris(2026, 11, 2, 12, 0), False, paris(2026, 11, 2, 13, 30)),
        (paris(2026, 11, 2, 15, 0), True, paris(2026, 11, 2, 17, 30)),
        (paris(2026, 11, 2, 17, 30), False, paris(2026, 11, 3, 8, 30)),
        (paris(2026, 11, 2, 22, 0), False, paris(2026, 11, 3, 8, 30)),
    ],
)
def test_status_across_a_day(schedule, now, is_open, moment):
    status = schedule.status(now)
    assert status.is_open is is_open
    assert (status.until if is_open else status.next_opening) == moment
    assert status.reason is None


def test_a_closure_closes_the_whole_day(schedule):
    # Wednesday 11 November 2026 would be open in the morning.
    assert schedule.ranges_on(date(2026, 11, 11)) == []
    status = schedule.status(paris(2026, 11, 11, 10, 0))
    assert not status.is_open
    assert status.reason == "Armistice"
    assert status.next_opening == paris(2026, 11, 12, 8, 30)


def test_a_weekday_without_hours_is_closed(schedule):
    # Sunday 8 November 2026: nothing on Sundays, the next opening is Monday.
    status = schedule.status(paris(2026, 11, 8, 10, 0))
    assert not status.is_open
    assert status.reason is None
    assert status.next_opening == paris(2026, 11, 9, 8, 30)


def test_holiday_hours_replace_the_week_in_their_period(schedule):
    # Tuesday 14 July 2026 is in the summer period, which has no Tuesday: closed.
    assert schedule.ranges_on(date(2026, 7, 14)) == []
    # Monday 20 July 2026: summer hours only, no afternoon.
    assert schedule.ranges_on(date(2026, 7, 20)) == [(time(9), time(12))]
    status = schedule.status(paris(2026, 7, 20, 14, 0))
    assert not status.is_open
    assert status.next_opening == paris(2026, 7, 22, 9, 0)
    # The day after the period, the regular week again.
    assert schedule.ranges_on(date(2026, 8, 22)) == [(time(9), time(12))]
    assert schedule.ranges_on(date(2026, 8, 24)) == [
        (time(8, 30), time(12)),
        (time(13, 30), time(17, 30)),
    ]


def test_never_open_has_no_next_opening():
    status = Schedule([], [], []).status(paris(2026, 11, 2, 10, 0))
    assert not status.is_open
    assert status.next_opening is None


@freeze_time("2026-10-24 22:30:00")  # UTC: Sunday 25 October 2026, 00:30 in Paris (CEST)
def test_across_the_autumn_daylight_saving_change():
    # Clocks go back at 03:00 CEST on 25 October 2026: from 00:30 CEST to 08:30 CET
    # is 9 hours, not the 8 that the wall clock shows.
    schedule = Schedule(
        [
            {"day": "dimanche", "opens": "08:30", "closes": "10:00"},
            {"day": "lundi", "opens": "08:30", "closes": "12:00"},
        ]
    )
    now = datetime.now(PARIS)
    status = schedule.status(now)
    assert not status.is_open
    assert status.next_opening == paris(2026, 10, 25, 8, 30)
    # 08:30 in Paris is 07:30 UTC after the change (it was 06:30 UTC the day before).
    assert status.next_opening.utcoffset().total_seconds() == 3600
    # Python subtracts datetimes of one zone on the wall clock: compare in UTC.
    assert (status.next_opening.astimezone(UTC) - now.astimezone(UTC)).total_seconds() == 9 * 3600
    # An UTC instant inside the range is open, until 10:00 CET.
    inside = schedule.status(datetime.fromisoformat("2026-10-25T08:00:00+00:00"))
    assert inside.is_open and inside.until == paris(2026, 10, 25, 10, 0)
    assert inside.until.utcoffset().total_seconds() == 3600


@freeze_time("2027-03-28 06:45:00")  # UTC: Sunday 28 March 2027, 08:45 in Paris (CEST since 02:00)
def test_across_the_spring_daylight_saving_change():
    schedule = Schedule([{"day": "dimanche", "opens": "08:30", "closes": "10:00"}])
    status = schedule.status(datetime.now(PARIS))
    assert status.is_open
    assert status.until == paris(2027, 3, 28, 10, 0)
    assert status.until.utcoffset().total_seconds() == 7200


def test_a_naive_time_is_read_as_paris_time(schedule):
    assert schedule.status(datetime(2026, 11, 2, 9, 0)).is_open


def test_week_rows_monday_first(schedule):
    week = schedule.week()
    assert [day for day, _ in week] == [
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
    ]
    assert week[1][1] == [(time(8, 30), time(12))]
    assert week[6][1] == []


def test_opening_hours_specification(schedule):
    specs = json.loads(json.dumps(schedule.opening_hours_specification()))
    weekly = [spec for spec in specs if "validFrom" not in spec]
    assert {
        "@type": "OpeningHoursSpecification",
        "opens": "08:30",
        "closes": "12:00",
        "dayOfWeek": [
            f"https://schema.org/{day}"
            for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
        ],
    } in weekly
    saturday = next(spec for spec in weekly if spec["opens"] == "09:00")
    assert saturday["dayOfWeek"] == ["https://schema.org/Saturday"]
    assert not any("https://schema.org/Sunday" in spec["dayOfWeek"] for spec in weekly)
    summer = [spec for spec in specs if spec.get("validFrom") == "2026-07-13"]
    assert summer == [
        {
            "@type": "OpeningHoursSpecification",
            "opens": "09:00",
            "closes": "12:00",
            "dayOfWeek": [
                "https://schema.org/Monday",
                "https://schema.org/Wednesday",
                "https://schema.org/Friday",
            ],
            "validFrom": "2026-07-13",
            "validThrough": "2026-08-21",
        }
    ]
    assert {
        "@type": "OpeningHoursSpecification",
        "opens": "00:00",
        "closes": "00:00",
        "validFrom": "2026-11-11",
        "validThrough": "2026-11-11",
    } in specs


def test_french_time():
    assert french_time(time(8, 30)) == "8\u00a0h\u00a030"
    assert french_time(time(12, 0)) == "12\u00a0h\u00a000"
