"""schema.org ``GovernmentOffice`` of a public office, for search engines (JSON-LD)."""

from .kinds import MAIRIE
from mairie.policy.hours.schedule import Schedule
from plone import api

import json


def government_office(office) -> dict:
    """The office as schema.org data; empty values are left out.

    A mairie office describes the commune's town hall: its name is the site's
    ("Mairie de …"), whatever the page is called.
    """
    name = api.portal.get().title if office.kind == MAIRIE else office.title
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOffice",
        "name": name,
        "url": office.website or office.absolute_url(),
        "sameAs": office.service_public_url,
        "telephone": office.phone,
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
    if office.latitude is not None and office.longitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": office.latitude,
            "longitude": office.longitude,
        }
    return _drop_empty(data)


def script_text(data: dict) -> str:
    """JSON for a ``<script>`` element: no "<" that could close it early."""
    return json.dumps(data, ensure_ascii=False, indent=1).replace("<", "\\u003c")


def _drop_empty(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in (None, "", [])}
