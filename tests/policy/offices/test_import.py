"""Importing the Annuaire sample into a commune: right records, hours, idempotent."""

from .annuaire import SAMPLE
from .annuaire import services_folder
from .annuaire import SERVING_IDS
from mairie.policy.hours.schedule import Schedule
from mairie.policy.offices import annuaire
from mairie.policy.offices.importer import import_for_commune
from plone import api

import json
import pytest


@pytest.fixture
def folder(portal):
    return services_folder(portal)


def run(portal, path=SAMPLE, kinds=None):
    with api.env.adopt_roles(["Manager"]):
        return import_for_commune(portal, annuaire.read(path), kinds)


def test_import_the_sample(portal, folder):
    report = run(portal)
    assert (report.created, report.updated, report.unchanged) == (7, 0, 0)
    assert set(folder.objectIds()) == set(SERVING_IDS.values())
    for kind, name in SERVING_IDS.items():
        office = folder[name]
        assert office.portal_type == "mairie.PublicOffice"
        assert api.content.get_state(office) == "published"
        assert office.kind == kind
    gendarmerie = folder[SERVING_IDS["gendarmerie"]]
    assert gendarmerie.title == "Brigade de gendarmerie des Coteaux de Loire"
    assert gendarmerie.city == "Saint-Germain-des-Coteaux"
    assert gendarmerie.website == "https://www.gendarmerie.interieur.gouv.fr"
    assert gendarmerie.hours_note == "En dehors de ces heures, composez le 17."
    week = dict(Schedule.of(gendarmerie).week())
    assert [f"{a:%H:%M}-{b:%H:%M}" for a, b in week["dimanche"]] == ["09:00-12:00", "15:00-18:00"]
    assert len(week["samedi"]) == 2
    sgc = folder[SERVING_IDS["sgc"]]
    assert [f"{a:%H:%M}-{b:%H:%M}" for a, b in dict(Schedule.of(sgc).week())["mercredi"]] == [
        "08:45-12:00"
    ]
    # Found by the catalog, as the services page finds them.
    assert len(api.content.find(context=folder, portal_type="mairie.PublicOffice")) == 7


def test_a_second_import_updates_and_never_duplicates(portal, folder, write_annuaire):
    run(portal)
    assert run(portal).unchanged == 7

    def move(records):
        records[3]["telephone"] = json.dumps([{"valeur": "02 41 00 00 01", "description": ""}])

    report = run(portal, write_annuaire(move))
    assert (report.created, report.updated, report.unchanged) == (0, 1, 6)
    assert folder[SERVING_IDS["caf"]].phone == "02 41 00 00 01"
    assert len(folder.objectIds()) == 7


def test_an_unpublished_service_stays_unpublished(portal, folder):
    run(portal)
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=folder[SERVING_IDS["tj"]], transition="retract")
    run(portal)
    assert api.content.get_state(folder[SERVING_IDS["tj"]]) == "private"


def test_only_the_chosen_kinds(portal, folder):
    report = run(portal, kinds=["gendarmerie", "caf"])
    assert report.created == 2
    assert set(folder.objectIds()) == {SERVING_IDS["gendarmerie"], SERVING_IDS["caf"]}


def test_another_communes_code_imports_its_services(portal, folder):
    api.portal.set_registry_record("mairie.commune.insee_code", "49063")
    run(portal)
    titles = {office.title for office in folder.objectValues()}
    assert "France Services - Chalonnes-sur-Loire" in titles
    assert "Mairie - Saint-Aubin-sur-Loire" not in titles


def test_a_malformed_file_imports_nothing(portal, folder, write_annuaire):
    # Good records first, the bad one last: still nothing is written.
    def break_last(records):
        records[-1]["plage_ouverture"] = "[{"

    with pytest.raises(annuaire.AnnuaireError):
        run(portal, write_annuaire(break_last))
    assert folder.objectIds() == []
