"""The Paris clock the agenda's events are written in."""

import pytz


PARIS = pytz.timezone("Europe/Paris")
