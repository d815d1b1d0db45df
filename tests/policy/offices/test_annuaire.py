"""Reading an Annuaire de l'administration file: the real format, and every way to break it."""

from .annuaire import INSEE
from .annuaire import SAMPLE
from mairie.policy.offices import annuaire
from mairie.policy.offices.importer import serving
from zope.i18n import translate

import json
import pytest


def french(error) -> str:
    return translate(error.message, target_language="fr")


def test_the_sample_is_read_whole():
    services = annuaire.read(SAMPLE)
    assert len(services) == 9
    france_services = services[0]
    assert france_services.name == "France Services - Saint-Aubin-sur-Loire"
    assert france_services.street == "Espace des services publics, 2 rue des Tilleuls"
    assert (france_services.postal_code, france_services.city) == ("49170", "Saint-Aubin-sur-Loire")
    assert (france_services.latitude, france_services.longitude) == (47.3931, -0.7412)
    assert france_services.phone == "02 41 77 20 10"
    assert france_services.email == "france-services@saint-aubin-sur-loire.example.fr"
    assert france_services.service_public_url.endswith(france_services.id)
    # "Lundi" to "Vendredi", two ranges a day, then Saturday morning.
    assert france_services.opening_hours[:2] == [
        {"day": "lundi", "opens": "09:00", "closes": "12:00"},
        {"day": "lundi", "opens": "14:00", "closes": "17:00"},
    ]
    assert len(france_services.opening_hours) == 11
    assert france_services.opening_hours[-1] == {
        "day": "samedi",
        "opens": "09:00",
        "closes": "12:00",
    }
    assert france_services.hours_note == "Le samedi, sur rendez-vous."


def test_only_the_services_serving_the_commune_and_not_its_mairie():
    chosen = serving(annuaire.read(SAMPLE), INSEE)
    assert [kind for _service, kind in chosen] == [
        "france_services",
        "sgc",
        "gendarmerie",
        "caf",
        "pole_emploi",
        "prefecture",
        "tj",
    ]
    assert all("Chalonnes" not in service.name for service, _kind in chosen)
    # The other commune gets its own France Services, and the préfecture it shares.
    other = [service.name for service, _kind in serving(annuaire.read(SAMPLE), "49063")]
    assert "France Services - Chalonnes-sur-Loire" in other
    assert "France Services - Saint-Aubin-sur-Loire" in other  # it serves both


def test_chosen_kinds_only():
    chosen = serving(annuaire.read(SAMPLE), INSEE, ["gendarmerie", "caf", "mairie"])
    assert sorted(kind for _service, kind in chosen) == ["caf", "gendarmerie", "mairie"]


def test_an_api_answer_is_read_too(write_annuaire, records):
    path = write_annuaire(text=json.dumps({"total_count": len(records), "results": records}))
    assert len(annuaire.read(path)) == 9


def test_decoded_lists_are_read_too(write_annuaire):
    def decode(records):
        for record in records:
            for key in ("pivot", "adresse", "telephone", "plage_ouverture"):
                record[key] = json.loads(record[key])

    assert annuaire.read(write_annuaire(decode))[0].phone == "02 41 77 20 10"


def _set(index, key, value):
    def change(records):
        records[index][key] = value

    return change


def _drop(index, key):
    def change(records):
        del records[index][key]

    return change


def _hours(index, **values):
    def change(records):
        hours = json.loads(records[index]["plage_ouverture"])
        hours[0].update(values)
        records[index]["plage_ouverture"] = json.dumps(hours)

    return change


@pytest.mark.parametrize(
    "change, record, words",
    [
        (_drop(2, "nom"), "c1e8a9b2", ["nom"]),
        (_drop(4, "pivot"), "France Travail - Angers Ouest", ["pivot"]),
        (_set(3, "pivot", '[{"type_service_local": "caf"'), "Caisse d'allocations", ["pivot"]),
        (_set(1, "adresse", '{"numero_voie": "14 boulevard"}'), "gestion comptable", ["adresse"]),
        (_set(5, "telephone", "pas du JSON"), "Préfecture de Maine-et-Loire", ["telephone"]),
        (_hours(6, nom_jour_debut="Lundimanche"), "Tribunal judiciaire", ["Lundimanche"]),
        (_hours(0, valeur_heure_debut_1="9h"), "France Services - Saint-Aubin", ["9h"]),
        (
            _hours(0, valeur_heure_debut_1="13:00:00"),
            "France Services - Saint-Aubin",
            ["13:00", "12:00"],
        ),
        (
            _set(2, "adresse", json.dumps([{"type_adresse": "Adresse", "latitude": "nord"}])),
            "Brigade de gendarmerie",
            ["nord"],
        ),
    ],
)
def test_a_bad_record_is_named(write_annuaire, change, record, words):
    with pytest.raises(annuaire.AnnuaireError) as error:
        annuaire.read(write_annuaire(change))
    message = french(error.value)
    assert record in message
    for word in words:
        assert word in message
    assert "\n" not in message


@pytest.mark.parametrize(
    "text, msgid",
    [
        ("pas du JSON", "error_annuaire_not_json"),
        ("", "error_annuaire_not_json"),
        ('{"total_count": 0}', "error_annuaire_shape"),
        ('["nom", "pivot"]', "error_annuaire_shape"),
        ("42", "error_annuaire_shape"),
    ],
)
def test_a_file_of_another_shape_is_refused(write_annuaire, text, msgid):
    with pytest.raises(annuaire.AnnuaireError) as error:
        annuaire.read(write_annuaire(text=text))
    assert error.value.message == msgid
    assert "annuaire.json" in french(error.value)


def test_a_missing_file(tmp_path):
    with pytest.raises(annuaire.AnnuaireError) as error:
        annuaire.read(tmp_path / "absent.json")
    assert error.value.message == "error_annuaire_missing"
