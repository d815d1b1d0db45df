"""schema.org ``GovernmentOffice`` of a public office, for search engines (JSON-LD)."""

from .kinds import MAIRIE
from mairie.policy.hours.schedule import Schedule
from mairie.policy.interfaces import ICommuneSettings
from mairie.policy.phone import normalize_phone
from mairie.policy.phone import PhoneError
from plone import api
from plone.registry.interfaces import IRegistry
from Products.CMFPlone.utils import getSiteLogo
from zope.component import getUtility

import json


def government_office(office) -> dict:
    """The office as schema.org data; empty values are left out.

    A mairie office describes the commune's town hall: its name is the site's
    ("Mairie de …"), whatever the page is called.
    """
    mairie = office.kind == MAIRIE
    name = api.portal.get().title if mairie else office.title
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOffice",
        "name": name,
        "url": office.website or office.absolute_url(),
        "sameAs": office.service_public_url,
        "telephone": international_phone(office.phone),
        "email": office.email,
        "address": office.city
        and _drop_empty(
            {
                "@type": "PostalAddress",
                "streetAddress": office.street,
                "postalCode": office.postal_code,
                "addressLocality": office.city,
                "addressCountry": "FR",
            }
        ),
        "openingHoursSpecification": Schedule.of(office).opening_hours_specification(),
    }
    latitude, longitude = office.latitude, office.longitude
    if mairie and (latitude is None or longitude is None):
        # The commune profile's coordinates of the town hall (mairie.address).
        commune = getUtility(IRegistry).forInterface(ICommuneSettings, prefix="mairie.commune")
        latitude, longitude = commune.address_latitude, commune.address_longitude
    if latitude is not None and longitude is not None:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": latitude, "longitude": longitude}
    if mairie and api.portal.get_registry_record("plone.site_logo", default=None):
        data["image"] = getSiteLogo()  # the profile's logo, else its coat of arms
    return _drop_empty(data)


def international_phone(phone: str | None) -> str | None:
    """A French number as schema.org wants it, with its country code: "02 41 77 12 34"
    is "+33241771234"; a number already international, or not French, is left as written."""
    try:
        number = normalize_phone(phone)
    except PhoneError:
        return phone
    return number if number.startswith("+33") else phone


def script_text(data: dict) -> str:
    """JSON for a ``<script>`` element: no "<" that could close it early."""
    return json.dumps(data, ensure_ascii=False, indent=1).replace("<", "\\u003c")


def _drop_empty(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in (None, "", [])}
