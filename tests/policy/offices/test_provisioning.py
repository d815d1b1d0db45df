"""The mairie's office from the commune profile, and the demo's public services."""

from .annuaire import SERVING_IDS
from mairie.policy.hours.schedule import Schedule
from mairie.policy.offices.demo import add_services
from mairie.policy.offices.jsonld import government_office
from mairie.policy.offices.jsonld import international_phone
from mairie.policy.provisioning import content
from mairie.policy.provisioning import demo
from mairie.policy.provisioning import site as provisioning
from plone import api

import json
import pytest


def test_the_mairie_office_comes_from_the_profile(commune):
    office = commune["ma-mairie"]["horaires-et-contact"]
    assert office.portal_type == "mairie.PublicOffice"
    assert api.content.get_state(office) == "published"
    assert office.kind == "mairie"
    assert (office.street, office.postal_code, office.city) == (
        "1 place de la Mairie",
        "49170",
        "Saint-Aubin-sur-Loire",
    )
    assert office.phone == "02 41 77 12 34"
    assert office.email == api.portal.get_registry_record("mairie.commune.email_contact")
    week = dict(Schedule.of(office).week())
    assert [f"{a:%H:%M}-{b:%H:%M}" for a, b in week["lundi"]] == ["08:30-12:00", "13:30-17:30"]
    assert week["dimanche"] == []
    data = json.loads(json.dumps(government_office(office)))
    assert data["name"] == "Mairie de Saint-Aubin-sur-Loire"
    saturday = [spec for spec in data["openingHoursSpecification"] if spec["opens"] == "09:00"]
    assert saturday[0]["dayOfWeek"] == ["https://schema.org/Saturday"]
    # Issue 20: the profile's coordinates of the mairie, its phone with the country
    # code, the commune's logo.
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 47.3925, "longitude": -0.742}
    assert data["telephone"] == "+33241771234"
    assert data["image"] == f"{commune.absolute_url()}/@@site-logo/logo.png"


def test_the_mairie_office_without_coordinates_nor_logo(commune):
    office = commune["ma-mairie"]["horaires-et-contact"]
    registry = commune.portal_registry
    registry["mairie.commune.address_latitude"] = None
    registry["mairie.commune.address_longitude"] = None
    registry["plone.site_logo"] = None
    data = government_office(office)
    assert "geo" not in data and "image" not in data
    # Its own coordinates, typed in the back-office, come first.
    office.latitude, office.longitude = 47.39, -0.74
    assert government_office(office)["geo"]["latitude"] == 47.39


@pytest.mark.parametrize(
    "written, international",
    [
        ("02 41 77 12 34", "+33241771234"),
        ("02.41.77.12.34", "+33241771234"),
        ("+33 2 41 77 12 34", "+33241771234"),
        ("0033 2 41 77 12 34", "+33241771234"),
        ("+32 2 123 45 67", "+32 2 123 45 67"),
        ("3939", "3939"),
        (None, None),
    ],
)
def test_international_phone(written, international):
    assert international_phone(written) == international


def test_update_leaves_the_editors_changes(commune, app, demo_profile, agency):
    office = commune["ma-mairie"]["horaires-et-contact"]
    office.phone = "02 41 77 99 99"
    office.opening_hours = [{"day": "lundi", "opens": "09:00", "closes": "12:00"}]
    provisioning.update(app, demo_profile, agency)
    assert office.phone == "02 41 77 99 99"
    assert office.opening_hours == [{"day": "lundi", "opens": "09:00", "closes": "12:00"}]


def test_the_services_folder_and_the_demo_services(commune, demo_profile_file):
    folder = commune.unrestrictedTraverse(content.SERVICES)
    assert folder.getLayout() == "services-publics"
    assert folder.objectIds() == []
    add_services(commune, demo.load(demo_profile_file.parent / "demo.yaml").services)
    assert set(folder.objectIds()) == set(SERVING_IDS.values())
