"""Demo entries of the directory: the `directory:` list of the demo file."""

from .categories import CATEGORY_IDS
from mairie.policy.commune.schema import Model
from mairie.policy.commune.schema import Text
from mairie.policy.commune.types import Email
from mairie.policy.commune.types import Phone
from mairie.policy.commune.types import PostalCode
from mairie.policy.commune.types import Url
from mairie.policy.provisioning.content import normalize_id
from mairie.policy.provisioning.content import publish
from plone import api
from pydantic import Field
from pydantic import model_validator
from pydantic_core import PydanticCustomError
from typing import Literal


class DemoEntry(Model):
    title: str = Text
    category: Literal[CATEGORY_IDS]
    description: str = Field(default="", max_length=500)
    street: str = Field(default="", max_length=200)
    postal_code: PostalCode | None = None
    city: str = Field(default="", max_length=200)
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)
    phone: Phone | None = None
    email: Email | None = None
    website: Url | None = None
    contact_person: str = Field(default="", max_length=200)

    @model_validator(mode="after")
    def _coordinates_go_together(self):
        if (self.latitude is None) != (self.longitude is None):
            raise PydanticCustomError("coordinates_pair", "coordinates_pair")
        return self


def add_entries(directory, entries: list[DemoEntry]) -> None:
    """One published entry per item, in the site's directory."""
    for entry in entries:
        obj = api.content.create(
            container=directory,
            type="mairie.DirectoryEntry",
            id=normalize_id(entry.title),
            **entry.model_dump(),
        )
        publish(obj)
