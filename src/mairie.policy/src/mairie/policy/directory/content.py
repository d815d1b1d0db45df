"""The directory (a container) and its entries."""

from .categories import CATEGORIES
from .coordinates import Coordinate
from mairie.policy import _
from mairie.policy.commune.types import Phone
from mairie.policy.commune.types import PostalCode
from plone.dexterity.content import Container
from plone.dexterity.content import Item
from plone.schema import Email
from plone.supermodel import model
from pydantic import TypeAdapter
from pydantic import ValidationError as PydanticError
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant
from zope.schema import ValidationError


class IDirectory(model.Schema):
    """Title and description come from the plone.basic behavior."""


@implementer(IDirectory)
class Directory(Container):
    pass


class NotAPostalCode(ValidationError):
    __doc__ = _("error_directory_postal_code", default="A postal code has 5 digits, e.g. 49170.")


class NotAPhone(ValidationError):
    __doc__ = _(
        "error_directory_phone",
        default="A French phone number of 10 digits is expected, e.g. 02 41 00 00 00.",
    )


class LatitudeOutOfRange(ValidationError):
    __doc__ = _(
        "error_directory_latitude",
        default="The latitude is a number of degrees between -90 and 90 (e.g. 47.39).",
    )


class LongitudeOutOfRange(ValidationError):
    __doc__ = _(
        "error_directory_longitude",
        default="The longitude is a number of degrees between -180 and 180 (e.g. -0.40).",
    )


COORDINATES_PAIR = _(
    "error_directory_coordinates_pair",
    default="Give both the latitude and the longitude, or neither.",
)


def _profile_rule(type_, error):
    """A field constraint from a rule of the commune profile (commune/types.py)."""
    adapter = TypeAdapter(type_)

    def check(value):
        try:
            adapter.validate_python(value)
        except PydanticError:
            raise error(value) from None
        return True

    return check


def _within(low, high, error):
    def check(value):
        if not low <= value <= high:
            raise error(value)
        return True

    return check


class IDirectoryEntry(model.Schema):
    """Title and description (a short presentation) come from plone.basic."""

    category = schema.Choice(
        title=_("label_directory_category", default="Category"), vocabulary=CATEGORIES
    )
    street = schema.TextLine(
        title=_("label_directory_street", default="Street address"), required=False
    )
    postal_code = schema.TextLine(
        title=_("label_directory_postal_code", default="Postal code"),
        required=False,
        constraint=_profile_rule(PostalCode, NotAPostalCode),
    )
    city = schema.TextLine(title=_("label_directory_city", default="City"), required=False)
    latitude = Coordinate(
        title=_("label_directory_latitude", default="Latitude"),
        description=_(
            "help_directory_latitude",
            default="In decimal degrees, e.g. 47.3921; with the longitude, it places the entry on the map.",
        ),
        required=False,
        constraint=_within(-90, 90, LatitudeOutOfRange),
    )
    longitude = Coordinate(
        title=_("label_directory_longitude", default="Longitude"),
        description=_("help_directory_longitude", default="In decimal degrees, e.g. -0.4012."),
        required=False,
        constraint=_within(-180, 180, LongitudeOutOfRange),
    )
    phone = schema.TextLine(
        title=_("label_directory_phone", default="Phone"),
        required=False,
        constraint=_profile_rule(Phone, NotAPhone),
    )
    email = Email(title=_("label_directory_email", default="E-mail"), required=False)
    website = schema.URI(title=_("label_directory_website", default="Website"), required=False)
    contact_person = schema.TextLine(
        title=_("label_directory_contact_person", default="Contact person"), required=False
    )

    @invariant
    def coordinates_go_together(data):
        latitude = getattr(data, "latitude", None)
        longitude = getattr(data, "longitude", None)
        if (latitude is None) != (longitude is None):
            raise Invalid(COORDINATES_PAIR)


@implementer(IDirectoryEntry)
class DirectoryEntry(Item):
    def address(self) -> str:
        """ "12 rue de la Loire, 49170 Saint-Aubin-sur-Loire", from the parts given."""
        town = " ".join(part for part in (self.postal_code, self.city) if part)
        return ", ".join(part for part in (self.street, town) if part)

    def coordinates(self) -> tuple[float, float] | None:
        if self.latitude is None or self.longitude is None:
            return None
        return (self.latitude, self.longitude)
