"""A commune with the payfip module: settings from its profile, two ready-made forms, idempotent."""

from mairie.payfip.provisioning import FOLDER
from mairie.policy.commune.loader import load_profile
from mairie.policy.commune.loader import ProfileError
from mairie.policy.provisioning import site as provisioning
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.testing.zope import login

import pytest


@pytest.fixture(autouse=True)
def operator(app):
    login(app.acl_users, SITE_OWNER_NAME)


def test_settings_and_forms(app, commune, demo_profile, agency):
    assert api.portal.get_registry_record("mairie.payfip.numcli") == "000000"
    assert api.portal.get_registry_record("mairie.payfip.environment") == "T"
    assert api.portal.get_registry_record("mairie.payfip.protocol") == "PES"
    assert api.portal.get_registry_record("mairie.payfip.direct_debit") is True
    assert api.portal.get_registry_record("mairie.payfip.service_url") == (
        "https://www.payfip.gouv.fr/tpa/services/securite"
    )
    folder = commune.unrestrictedTraverse(FOLDER)
    assert api.content.get_state(folder) == "published"
    forms = {form.getId(): form for form in folder.objectValues()}
    assert sorted(forms) == ["cantine-scolaire", "eau-et-assainissement"]
    canteen = forms["cantine-scolaire"]
    assert canteen.portal_type == "mairie.PaymentForm"
    assert canteen.objet == "Cantine scolaire"
    assert canteen.reference_max_length == 30
    assert api.content.get_state(canteen) == "published"

    # An editor's change stays; a second update changes nothing else.
    canteen.title = "Cantine et garderie"
    provisioning.update(app, demo_profile, agency)
    provisioning.update(app, demo_profile, agency)
    assert sorted(folder.objectIds()) == ["cantine-scolaire", "eau-et-assainissement"]
    assert folder["cantine-scolaire"].title == "Cantine et garderie"


def test_profile_changes_are_applied(app, commune, write_profile, agency):
    def change(data):
        data["payfip"] = {"numcli": "123456", "environment": "W", "protocol": "ORMC"}

    provisioning.update(app, load_profile(write_profile(change), agency), agency)
    assert api.portal.get_registry_record("mairie.payfip.numcli") == "123456"
    assert api.portal.get_registry_record("mairie.payfip.environment") == "W"
    assert api.portal.get_registry_record("mairie.payfip.direct_debit") is False


@pytest.mark.parametrize(
    "section, field",
    [
        ({"numcli": "12345"}, "payfip.numcli"),
        ({"numcli": "12345a"}, "payfip.numcli"),
        ({"numcli": "123456", "environment": "P"}, "payfip.environment"),
        ({"numcli": "123456", "protocol": "HELIOS"}, "payfip.protocol"),
        ({"numcli": "123456", "service_url": "ftp://x.example.fr"}, "payfip.service_url"),
        ({"environment": "T"}, "payfip.numcli"),
    ],
)
def test_bad_payfip_section(write_profile, agency, section, field):
    def change(data):
        data["payfip"] = section

    with pytest.raises(ProfileError) as raised:
        load_profile(write_profile(change), agency)
    assert [problem.field for problem in raised.value.problems] == [field]
