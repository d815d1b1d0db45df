"""Alerts are dated on the Paris clock."""

from datetime import datetime
from zoneinfo import ZoneInfo


PARIS = ZoneInfo("Europe/Paris")


def paris(*args) -> datetime:
    return datetime(*args, tzinfo=PARIS)
