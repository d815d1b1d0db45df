"""Entries' coordinates, postal code and phone: bad input is refused and nothing is saved."""

from mairie.policy.directory.content import IDirectoryEntry
from plone import api
from zope.interface import Invalid
from zope.schema import ValidationError

import pytest


def submit_add_form(directory, **fields):
    """The real add form, as an editor submits it; returns its errors' msgids."""
    request = directory.REQUEST
    request.form.clear()
    request.form.update(
        {
            "form.widgets.IBasic.title": "Club de tennis",
            "form.widgets.category": ["associations"],
            "form.buttons.save": "Enregistrer",
            **{f"form.widgets.{name}": value for name, value in fields.items()},
        }
    )
    with api.env.adopt_roles(["Manager"]):
        view = directory.restrictedTraverse("++add++mairie.DirectoryEntry")
        view()
    return [str(error.message) for error in view.form_instance.widgets.errors]


@pytest.mark.parametrize(
    "fields,msgid",
    [
        ({"latitude": "47.39"}, "error_directory_coordinates_pair"),
        ({"longitude": "-0.40"}, "error_directory_coordinates_pair"),
        ({"latitude": "147.39", "longitude": "-0.40"}, "error_directory_latitude"),
        ({"latitude": "47.39", "longitude": "-200"}, "error_directory_longitude"),
        ({"postal_code": "4917"}, "error_directory_postal_code"),
        ({"phone": "12 34"}, "error_directory_phone"),
        ({"latitude": "nord", "longitude": "-0.40"}, "error_directory_coordinate_number"),
    ],
)
def test_bad_input_is_refused_and_nothing_saved(directory, fields, msgid):
    before = set(directory.objectIds())
    assert msgid in submit_add_form(directory, **fields)
    assert set(directory.objectIds()) == before


def test_good_input_is_saved(directory):
    # A dot, as map sites give them, or a comma, as French readers write.
    messages = submit_add_form(
        directory, latitude="47.3901", longitude="-0,4002", postal_code="49170", phone="0241771234"
    )
    assert messages == []
    entry = directory["club-de-tennis"]
    assert (entry.latitude, entry.longitude) == (47.3901, -0.4002)
    assert entry.coordinates() == (47.3901, -0.4002)


def test_schema_rules_hold_outside_forms():
    class Data:
        latitude = 47.39
        longitude = None

    with pytest.raises(Invalid):
        IDirectoryEntry.validateInvariants(Data())
    with pytest.raises(ValidationError):
        IDirectoryEntry["latitude"].validate(-91.0)
    IDirectoryEntry["longitude"].validate(-180.0)
