"""The public register: filters, free-text search, the SCDL open-data export."""

from datetime import date
from mairie.policy.acts import register
from mairie.policy.interfaces import IMairiePolicyLayer
from official_validators import scdl_deliberations_errors
from plone import api
from zope.interface import alsoProvides

import csv
import io
import json
import pytest


@pytest.fixture
def acts(acts_register, helpers):
    """Five acts: four published (two years, three natures, three subjects), one draft."""
    add = helpers.add_act
    made = {
        "budget": add(
            acts_register, "2025-012", title="Budget primitif 2025", decision_date=date(2025, 3, 28)
        ),
        "plu": add(
            acts_register,
            "2026-003",
            title="Modification du plan local d'urbanisme",
            decision_date=date(2026, 2, 9),
            subject_code="2",
            subject_subcode="2.1",
            subject_label="Documents d'urbanisme",
            vote_effective=23,
            vote_present=21,
            vote_for=18,
            vote_against=2,
            vote_abstention=1,
        ),
        "stationnement": add(
            acts_register,
            "A-2026-017",
            title="Arrêté réglementant le stationnement place de l'Église",
            nature="arrete",
            decision_date=date(2026, 4, 2),
            subject_code="6",
            subject_subcode="6.1",
            subject_label="Police municipale",
        ),
        "emprunt": add(
            acts_register,
            "D-2026-004",
            title="Décision de contracter un emprunt",
            nature="decision",
            decision_date=date(2026, 5, 11),
            subject_code="7",
            subject_subcode="7.3",
            subject_label="Emprunts",
        ),
        "draft": add(acts_register, "2026-020", title="Projet non publié"),
    }
    for key in ("budget", "plu", "stationnement", "emprunt"):
        api.content.transition(obj=made[key], transition="publish")
    return made


def numbers(brains):
    return [brain.act_number for brain in brains]


def test_register_lists_published_acts_newest_first(acts_register, acts):
    assert numbers(register.search(acts_register)) == [
        "D-2026-004",
        "A-2026-017",
        "2026-003",
        "2025-012",
    ]


@pytest.mark.parametrize(
    "filters,expected",
    [
        ({"nature": "deliberation"}, ["2026-003", "2025-012"]),
        ({"nature": "arrete"}, ["A-2026-017"]),
        ({"year": "2025"}, ["2025-012"]),
        ({"year": "2026", "nature": "deliberation"}, ["2026-003"]),
        ({"subject": "7"}, ["D-2026-004", "2025-012"]),
        ({"subject": "2"}, ["2026-003"]),
        ({"text": "stationnement"}, ["A-2026-017"]),
        ({"text": "urbanisme"}, ["2026-003"]),
        ({"text": "budg"}, ["2025-012"]),  # prefix match
        ({"text": "2026-003"}, ["2026-003"]),
        ({"text": "publié"}, []),  # the draft stays out
        # Values a hand-edited URL may carry are ignored, not fatal.
        ({"nature": "<script>", "year": "deux mille", "subject": "42"}, None),
    ],
)
def test_register_filters(acts_register, acts, filters, expected):
    found = numbers(register.search(acts_register, register.Filters.from_form(filters)))
    if expected is None:
        expected = numbers(register.search(acts_register))
    assert found == expected


def test_register_years(acts_register, acts):
    assert register.years(acts_register) == [2026, 2025]


def test_register_view_renders_filters_without_javascript(acts_register, acts):
    request = acts_register.REQUEST
    alsoProvides(request, IMairiePolicyLayer)
    request.form.update({"nature": "deliberation", "year": "2026"})
    html = api.content.get_view("register_view", acts_register, request)()
    # Every control has its label; the form is a plain GET.
    for control in ("register-text", "register-nature", "register-year", "register-subject"):
        assert f'for="{control}"' in html
        assert f'id="{control}"' in html
    assert 'method="get"' in html
    assert '<option value="2026" selected' in html
    assert "<caption" in html and 'scope="col"' in html
    assert "2026-003" in html and "2025-012" not in html
    assert f"{acts['plu'].absolute_url()}/@@download/file" in html
    assert "@@actes.csv" in html and "@@actes.json" in html


def test_scdl_csv_columns_and_row(acts_register, acts):
    api.portal.set_registry_record("mairie.commune.name", "Saint-Aubin-sur-Loire")
    api.portal.set_registry_record("mairie.commune.siret", "21499999700015")
    request = acts_register.REQUEST
    alsoProvides(request, IMairiePolicyLayer)
    body = api.content.get_view("actes.csv", acts_register, request)()
    assert request.response.getHeader("Content-Type").startswith("text/csv")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8"))))
    assert rows[0] == [
        "COLL_NOM",
        "COLL_SIRET",
        "DELIB_ID",
        "DELIB_DATE",
        "DELIB_MATIERE_CODE",
        "DELIB_MATIERE_NOM",
        "DELIB_OBJET",
        "BUDGET_ANNEE",
        "BUDGET_NOM",
        "PREF_ID",
        "PREF_DATE",
        "VOTE_EFFECTIF",
        "VOTE_REEL",
        "VOTE_POUR",
        "VOTE_CONTRE",
        "VOTE_ABSTENTION",
        "DELIB_URL",
    ]
    # Deliberations only: the arrêté and the mayor's decision are not in the SCDL file.
    assert [row[2] for row in rows[1:]] == ["2026-003", "2025-012"]
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row == {
        "COLL_NOM": "Saint-Aubin-sur-Loire",
        "COLL_SIRET": "21499999700015",
        "DELIB_ID": "2026-003",
        "DELIB_DATE": "2026-02-09",
        "DELIB_MATIERE_CODE": "2.1",
        "DELIB_MATIERE_NOM": "urbanisme/documents d'urbanisme",
        "DELIB_OBJET": "Modification du plan local d'urbanisme",
        "BUDGET_ANNEE": "",
        "BUDGET_NOM": "",
        "PREF_ID": "",
        "PREF_DATE": "",
        "VOTE_EFFECTIF": "23",
        "VOTE_REEL": "21",
        "VOTE_POUR": "18",
        "VOTE_CONTRE": "2",
        "VOTE_ABSTENTION": "1",
        "DELIB_URL": f"{acts['plu'].absolute_url()}/@@download/file",
    }
    # The schema's constraints on the required fields.
    for line in rows[1:]:
        record = dict(zip(rows[0], line, strict=True))
        for required in register.SCDL_COLUMNS[:7]:
            assert record[required]
        assert len(record["COLL_SIRET"]) == 14 and record["COLL_SIRET"].isdigit()
        assert date.fromisoformat(record["DELIB_DATE"])
        assert record["DELIB_MATIERE_CODE"].count(".") == 1


def scdl_csv(acts_register):
    request = acts_register.REQUEST
    alsoProvides(request, IMairiePolicyLayer)
    return api.content.get_view("actes.csv", acts_register, request)()


def test_scdl_csv_passes_the_schema_and_its_custom_checks(acts_register, acts):
    """frictionless on the schema of schema.data.gouv.fr, with Validata's custom checks."""
    api.portal.set_registry_record("mairie.commune.name", "Saint-Aubin-sur-Loire")
    api.portal.set_registry_record("mairie.commune.siret", "21499999700015")
    assert scdl_deliberations_errors(scdl_csv(acts_register)) == []


def test_scdl_validation_sees_what_validata_refuses(acts_register, acts):
    # The demo's SIRET before issue 20: its 14 digits pass Luhn, its SIREN does not.
    api.portal.set_registry_record("mairie.commune.name", "Saint-Aubin-sur-Loire")
    api.portal.set_registry_record("mairie.commune.siret", "21490277000004")
    acts["plu"].vote_for = 17  # 17 + 2 + 1 voters is not the 21 present
    acts["plu"].subject_subcode = ""  # « 2 » is not an ACTES code of the second level
    acts["plu"].reindexObject()
    errors = scdl_deliberations_errors(scdl_csv(acts_register))
    assert any("COLL_SIRET" in error and "valid SIRET" in error for error in errors)
    assert any("VOTE_REEL" in error and "sum" in error for error in errors)
    assert any("DELIB_MATIERE_CODE" in error and "constraint" in error for error in errors)


def test_scdl_csv_shows_a_formula_as_text(acts_register, helpers):
    """The public CSV opens in spreadsheets: a title typed as a formula stays text there."""
    typed = '=HYPERLINK("http://attaquant.example","Voir")'
    act = helpers.add_act(acts_register, "2026-050", title=typed)
    api.content.transition(obj=act, transition="publish")
    request = acts_register.REQUEST
    alsoProvides(request, IMairiePolicyLayer)
    body = api.content.get_view("actes.csv", acts_register, request)()
    header, row = csv.reader(io.StringIO(body.decode("utf-8")))
    record = dict(zip(header, row, strict=True))
    assert record["DELIB_OBJET"] == f"'{typed}"
    assert record["DELIB_ID"] == "2026-050"
    assert record["DELIB_DATE"] == "2026-03-30"
    [data] = json.loads(api.content.get_view("actes.json", acts_register, request)())
    assert data["DELIB_OBJET"] == typed


def test_json_export_has_the_same_rows(acts_register, acts):
    request = acts_register.REQUEST
    alsoProvides(request, IMairiePolicyLayer)
    data = json.loads(api.content.get_view("actes.json", acts_register, request)())
    assert [row["DELIB_ID"] for row in data] == ["2026-003", "2025-012"]
    assert data[0]["VOTE_POUR"] == 18
    assert data[1]["VOTE_POUR"] is None
    assert list(data[0]) == list(register.SCDL_COLUMNS)
