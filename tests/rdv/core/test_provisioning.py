"""A commune with the rdv module gets its agenda « Prendre rendez-vous », once."""

from mairie.policy.provisioning import site as provisioning
from mairie.rdv.slots import free_slots
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.testing.zope import login
from zope.component.hooks import setSite

import datetime
import pytest


@pytest.fixture
def commune(app, demo_profile, agency):
    login(app.acl_users, SITE_OWNER_NAME)
    site = provisioning.create(app, demo_profile, agency)
    yield site
    setSite(None)


def test_demo_agenda(commune):
    agenda = commune["demarches"]["rendez-vous"]
    assert agenda.portal_type == "mairie.Agenda"
    assert agenda.Title() == "Prendre rendez-vous"
    assert api.content.get_state(agenda) == "published"
    services = {service.getId(): service for service in agenda.services()}
    assert sorted(services) == ["cni", "cni-passeport", "etat-civil", "passeport", "urbanisme"]
    assert services["cni"].Title() == "Carte nationale d'identité"
    assert (services["cni"].duration, services["cni"].per_person, services["cni"].ants_reason) == (
        20,
        True,
        "CNI",
    )
    assert services["urbanisme"].duration == 30
    counters = agenda.counters()
    assert len(counters) == 2
    today = datetime.date.today()
    assert free_slots(agenda, services["cni"], 1, today, today + datetime.timedelta(days=14))
    assert agenda.notification_email == "mairie@saint-aubin-sur-loire.example.fr"


def test_update_keeps_the_town_hall_changes(commune, app, demo_profile, agency):
    agenda = commune["demarches"]["rendez-vous"]
    agenda["urbanisme"].duration = 45
    api.content.delete(agenda["accueil"])
    provisioning.update(app, demo_profile, agency)
    agenda = commune["demarches"]["rendez-vous"]
    assert agenda["urbanisme"].duration == 45
    assert "accueil" not in agenda.objectIds()


def test_no_agenda_without_the_module(app, write_profile, agency):
    from mairie.policy.commune.loader import load_profile

    login(app.acl_users, SITE_OWNER_NAME)

    def without_rdv(data):
        data["commune"]["modules"] = ["payfip"]

    site = provisioning.create(app, load_profile(write_profile(without_rdv), agency), agency)
    try:
        assert "rendez-vous" not in site["demarches"].objectIds()
    finally:
        setSite(None)
