"""French dates as readers expect them, the first of the month included."""

from datetime import date
from mairie.policy.acts.dates import full_date
from mairie.policy.acts.dates import long_date


def test_the_first_of_the_month_is_written_1er(integration):
    assert long_date(date(2026, 12, 1), target_language="fr") == "1er décembre 2026"
    assert long_date(date(2026, 12, 12), target_language="fr") == "12 décembre 2026"


def test_full_date_adds_the_weekday_in_lower_case(integration):
    assert full_date(date(2026, 12, 1), target_language="fr") == "mardi 1er décembre 2026"
    assert full_date(date(2027, 1, 9), target_language="fr") == "samedi 9 janvier 2027"
