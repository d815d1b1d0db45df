"""How the ANTS's search engine reads our three endpoints, to test against it.

Written after its code (france-titres/rendez-vous-mairie, published on PyPI as
hubrdvmairie, MIT; not installable here: it pins pydantic 1.9 and FastAPI 0.87),
not copied: the fields of its models ``Municipality`` (a meeting point),
``AvailableTimeSlot`` and ``Application`` (an appointment found by number), and
the way ``Editor.get_available_time_slots`` turns a slot's ``datetime`` into the
hour it shows. The first two and the parsing were read in its source, where
``Editor.search_meetings`` also validates each appointment with ``Application``;
that model's own file was not found: its fields here are the ones this project
sends, not confirmed against the ANTS.
"""

from datetime import datetime
from datetime import timedelta
from pydantic import BaseModel
from pydantic import ConfigDict


class MeetingPoint(BaseModel):
    """models/municipality.py: the ANTS logs and drops a point that fails it."""

    model_config = ConfigDict(extra="allow")

    id: str
    name: str
    longitude: float
    latitude: float
    public_entry_address: str
    zip_code: str
    city_name: str
    website: str | None = None
    city_logo: str | None = None


class AvailableTimeSlot(BaseModel):
    datetime: datetime
    callback_url: str


class Application(BaseModel):
    meeting_point: str
    datetime: datetime
    management_url: str
    cancel_url: str


# The formats the ANTS tries, in its order; the first that parses wins.
FORMATS = ("%Y-%m-%dT%H:%MZ", "%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S")


def shown_hour(text: str) -> datetime:
    """The naive Paris time the ANTS shows for a slot's ``datetime``.

    Its ``Z`` is a literal (no conversion), and an explicit offset is added to
    the hour rather than taken off: ``08:30:00+01:00`` is shown as 09:30.
    """
    for form in FORMATS:
        try:
            moment = datetime.strptime(text, form)
        except ValueError:
            continue
        if moment.tzinfo:
            moment = moment.replace(tzinfo=None) + timedelta(
                hours=moment.utcoffset().total_seconds() / 3600
            )
        return moment
    raise ValueError(f"the ANTS cannot read {text!r}")
