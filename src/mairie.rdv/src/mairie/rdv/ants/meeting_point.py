"""The place the ANTS knows this commune's appointments by: the mairie, unless set otherwise.

Its coordinates are the meeting point's own, else the mairie's (``mairie.commune.address_*``).
"""

from mairie.rdv import _
from mairie.rdv.settings.schema import integration_settings
from typing import NamedTuple
from zope.i18n import translate


class MeetingPoint(NamedTuple):
    id: str
    name: str
    longitude: float | None
    latitude: float | None
    public_entry_address: str
    zip_code: str
    city_name: str
    website: str

    @property
    def located(self) -> bool:
        """The ANTS drops a meeting point without both coordinates."""
        return self.latitude is not None and self.longitude is not None


def meeting_point(site) -> MeetingPoint:
    settings = integration_settings(site)
    registry = site.portal_registry

    def commune(name):
        return registry.get(f"mairie.commune.{name}", "") or ""

    latitude, longitude = settings.meeting_point_latitude, settings.meeting_point_longitude
    if latitude is None or longitude is None:
        latitude = registry.get("mairie.commune.address_latitude")
        longitude = registry.get("mairie.commune.address_longitude")

    name = settings.meeting_point_name or translate(
        _(
            "ants_meeting_point_name",
            default="Town hall of ${commune}",
            mapping={"commune": commune("name")},
        ),
        target_language="fr",
    )
    return MeetingPoint(
        id=settings.meeting_point_id or commune("insee_code"),
        name=name,
        longitude=longitude,
        latitude=latitude,
        public_entry_address=settings.meeting_point_address or commune("address_street"),
        zip_code=settings.meeting_point_zip_code or commune("address_postal_code"),
        city_name=settings.meeting_point_city or commune("address_city"),
        website=site.absolute_url(),
    )
