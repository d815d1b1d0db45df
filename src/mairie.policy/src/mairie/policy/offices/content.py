"""``mairie.PublicOffice``: a place where the public is received, with its contact and hours.

The hours come from the ``mairie.opening_hours`` behavior.
"""

from .kinds import KIND_VOCABULARY
from mairie.policy import _
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


class IPublicOffice(model.Schema):
    kind = schema.Choice(
        title=_("label_office_kind", default="Kind of service"),
        vocabulary=KIND_VOCABULARY,
        default="autre",
    )
    street = schema.TextLine(title=_("label_office_street", default="Street"), required=False)
    postal_code = schema.TextLine(
        title=_("label_office_postal_code", default="Postal code"), required=False, max_length=10
    )
    city = schema.TextLine(title=_("label_office_city", default="City"), required=False)
    phone = schema.TextLine(title=_("label_office_phone", default="Phone"), required=False)
    email = schema.TextLine(title=_("label_office_email", default="E-mail"), required=False)
    website = schema.URI(title=_("label_office_website", default="Website"), required=False)
    service_public_url = schema.URI(
        title=_("label_office_service_public_url", default="Page on service-public.gouv.fr"),
        required=False,
    )
    latitude = schema.Float(
        title=_("label_office_latitude", default="Latitude"), required=False, min=-90.0, max=90.0
    )
    longitude = schema.Float(
        title=_("label_office_longitude", default="Longitude"),
        required=False,
        min=-180.0,
        max=180.0,
    )
    hours_note = schema.Text(
        title=_("label_office_hours_note", default="About the opening hours"),
        description=_(
            "help_office_hours_note", default="For example: by appointment in the afternoon."
        ),
        required=False,
    )


@implementer(IPublicOffice)
class PublicOffice(Item):
    pass
