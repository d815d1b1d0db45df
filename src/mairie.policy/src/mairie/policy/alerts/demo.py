"""Demo alerts, added once to a new demo commune."""

from .content import is_link
from .content import MESSAGE_MAX_LENGTH
from datetime import datetime
from mairie.policy.commune.schema import Model
from mairie.policy.provisioning.content import ALERTS
from mairie.policy.provisioning.content import normalize_id
from mairie.policy.provisioning.content import publish
from plone import api
from pydantic import Field
from pydantic import field_validator
from pydantic import model_validator
from pydantic_core import PydanticCustomError
from typing import Literal
from zope.schema import ValidationError


class DemoAlert(Model):
    title: str = Field(min_length=1)
    message: str = Field(min_length=1, max_length=MESSAGE_MAX_LENGTH)
    level: Literal["information", "important", "urgent"] = "information"
    link: str | None = None
    link_text: str | None = None
    start: datetime
    end: datetime

    @field_validator("link")
    @classmethod
    def _link(cls, value):
        if value is not None:
            try:
                is_link(value)
            except ValidationError:
                raise PydanticCustomError("url", "url", {"value": value}) from None
        return value

    @model_validator(mode="after")
    def _end_after_start(self):
        if self.end <= self.start:
            raise PydanticCustomError(
                "time_range_order",
                "time_range_order",
                {"value": f"{self.start:%Y-%m-%dT%H:%M} – {self.end:%Y-%m-%dT%H:%M}"},
            )
        return self


def add_alerts(site, alerts: list[DemoAlert]) -> None:
    folder = site.unrestrictedTraverse(ALERTS)
    for item in alerts:
        alert = api.content.create(
            container=folder,
            type="mairie.Alert",
            id=normalize_id(item.title),
            **item.model_dump(),
        )
        publish(alert)
