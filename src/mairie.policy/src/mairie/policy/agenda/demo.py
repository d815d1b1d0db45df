"""Demo events, added once to a new demo commune's agenda."""

from datetime import datetime
from mairie.policy.commune.schema import Model
from mairie.policy.provisioning.content import AGENDA
from mairie.policy.provisioning.content import normalize_id
from mairie.policy.provisioning.content import publish
from plone import api
from pydantic import Field
from pydantic import model_validator
from pydantic_core import PydanticCustomError

import pytz


class DemoEvent(Model):
    title: str = Field(min_length=1)
    description: str = ""
    start: datetime
    end: datetime
    place: str = Field(min_length=1)

    @model_validator(mode="after")
    def _end_after_start(self):
        if self.end < self.start:
            raise PydanticCustomError(
                "time_range_order",
                "time_range_order",
                {"value": f"{self.start:%Y-%m-%dT%H:%M} – {self.end:%Y-%m-%dT%H:%M}"},
            )
        return self


def add_events(site, events: list[DemoEvent]) -> None:
    folder = site.unrestrictedTraverse(AGENDA)
    # plone.app.event reads the zone's name from a pytz timezone, as its form stores it.
    zone = pytz.timezone(api.portal.get_registry_record("plone.portal_timezone"))
    for item in events:
        event = api.content.create(
            container=folder,
            type="Event",
            id=normalize_id(f"{item.title} {item.start:%Y-%m-%d}"),
            title=item.title,
            description=item.description,
            start=zone.localize(item.start),
            end=zone.localize(item.end),
            location=item.place,
        )
        publish(event)
