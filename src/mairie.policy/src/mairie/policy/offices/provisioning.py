"""The mairie's own office, "Horaires et coordonnées", filled from the commune profile."""

from .kinds import MAIRIE
from mairie.policy import _
from mairie.policy.commune.schema import Profile
from mairie.policy.provisioning.content import MAIRIE as MAIRIE_SECTION
from mairie.policy.provisioning.content import publish
from plone import api
from zope.i18n import translate


OFFICE = "horaires-et-contact"


def ensure_mairie_office(site, profile: Profile) -> None:
    """Create the mairie's office from the profile, once.

    The profile only gives the first values: the mairie's hours live on, in
    the back-office, with closures and holiday hours the profile does not
    know. A later ``mairie update`` therefore leaves the office to the editors
    instead of putting back the hours of the order form.
    """
    section = site.unrestrictedTraverse(MAIRIE_SECTION)
    if OFFICE in section:
        return
    mairie = profile.mairie
    office = api.content.create(
        container=section,
        type="mairie.PublicOffice",
        id=OFFICE,
        title=translate(_("Opening hours and contact"), target_language="fr"),
        kind=MAIRIE,
        street=mairie.address.street,
        postal_code=mairie.address.postal_code,
        city=mairie.address.city,
        phone=mairie.phone,
        email=profile.emails.contact,
        opening_hours=weekly_rows(mairie.opening_hours),
    )
    publish(office)


def weekly_rows(opening_hours: dict[str, list[str]]) -> list[dict]:
    """The profile's ``{"lundi": ["08:30-12:00", …]}`` as rows of the opening hours behavior."""
    return [
        {"day": day, "opens": time_range[:5], "closes": time_range[6:]}
        for day, ranges in opening_hours.items()
        for time_range in ranges
    ]
