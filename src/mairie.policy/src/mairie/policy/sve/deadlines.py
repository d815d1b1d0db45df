"""The legal delays: working days in France and the date of an implicit decision."""

from datetime import date
from datetime import timedelta
from dateutil.relativedelta import relativedelta
from mairie.policy.holidays import public_holidays


NO_DECISION = "none"
ACCEPTANCE = "acceptance"  # silence means acceptance
REJECTION = "rejection"  # silence means rejection
RECEIPT_DELAY = 10  # working days for the accusé de réception (CRPA L112-11)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in public_holidays(day.year)


def add_working_days(day: date, count: int) -> date:
    while count > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day


def receipt_deadline(received: date) -> date:
    """The last day to send the accusé de réception."""
    return add_working_days(received, RECEIPT_DELAY)


def implicit_decision_date(received: date, delay: int, unit: str) -> date:
    """The day the implicit decision arises, the file being complete on receipt."""
    if unit == "days":
        return received + timedelta(days=delay)
    return received + relativedelta(months=delay)
