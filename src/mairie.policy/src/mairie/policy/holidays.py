"""French public holidays (jours fériés), computed: metropolitan France, Alsace-Moselle option.

Used by the legal delays (sve.deadlines) and the appointments (mairie.rdv).

Code du travail L3133-1; Alsace-Moselle adds Good Friday and Saint Stephen's
day (26 December) under its local law.
"""

from datetime import date
from datetime import timedelta
from dateutil.easter import easter
from functools import lru_cache


@lru_cache(maxsize=64)
def public_holidays(year: int, alsace_moselle: bool = False) -> frozenset:
    sunday = easter(year)
    days = {
        date(year, 1, 1),
        sunday + timedelta(days=1),  # Easter Monday
        date(year, 5, 1),
        date(year, 5, 8),
        sunday + timedelta(days=39),  # Ascension
        sunday + timedelta(days=50),  # Whit Monday
        date(year, 7, 14),
        date(year, 8, 15),
        date(year, 11, 1),
        date(year, 11, 11),
        date(year, 12, 25),
    }
    if alsace_moselle:
        days |= {sunday - timedelta(days=2), date(year, 12, 26)}
    return frozenset(days)


def is_public_holiday(day: date, alsace_moselle: bool = False) -> bool:
    return day in public_holidays(day.year, alsace_moselle)
