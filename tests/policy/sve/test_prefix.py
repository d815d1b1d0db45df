"""The numbering prefix of a new online procedure, from its title: short, readable, unique."""

from mairie.policy.sve.action import PREFIX
from mairie.policy.sve.newform import prefix_for

import pytest


@pytest.mark.parametrize(
    ("title", "prefix"),
    [
        ("Demande de salle", "SAL"),
        ("Location de la salle des fêtes", "LOC"),
        ("Demande d'acte de naissance", "ACT"),
        ("Inscription à la cantine", "INS"),
        ("Élagage des arbres", "ELA"),
        ("Œuvres sociales", "OEU"),
        ("Fête de l'été", "FET"),
        ("Cimetière : concession", "CIM"),
    ],
)
def test_the_first_meaningful_word_without_accents(title, prefix):
    assert prefix_for(title) == prefix


@pytest.mark.parametrize(
    ("title", "prefix"),
    [
        ("Eau", "EAU"),
        ("WC", "WC"),
        ("Ô", "O"),
        ("2027", "202"),
        ("Demande", "DEM"),  # nothing but generic words: they are kept
        ("La demande", "LA"),
        ("", "DEM"),
        ("« ! »", "DEM"),
    ],
)
def test_short_titles(title, prefix):
    assert prefix_for(title) == prefix


def test_a_prefix_taken_by_another_form_is_never_given():
    taken = {"SAL"}
    assert prefix_for("Demande de salle", taken) == "SALLE"
    assert prefix_for("Location de salle des fêtes", {"LOC"}) == "LOCSF"
    assert prefix_for("Location de salle des fêtes", {"LOC", "LOCSF"}) == "LOCATION"
    taken = {"LOC", "LOCSF", "LOCATION", "LOC2"}
    assert prefix_for("Location de salle des fêtes", taken) == "LOC3"
    # The ready-made forms' prefixes count as taken as any other.
    assert prefix_for("Demande", {"DEM"}) == "DEMANDE"
    assert prefix_for("Demande", {"DEM", "DEMANDE"}) == "DEM2"


def test_many_forms_of_one_title_get_distinct_prefixes():
    taken = set()
    for _ in range(30):
        prefix = prefix_for("Demande de salle", taken)
        assert prefix not in taken
        taken.add(prefix)
    assert len(taken) == 30


@pytest.mark.parametrize(
    "title",
    [
        "Demande de salle",
        "Ô",
        "",
        "Une très très longue démarche administrativement compliquée"
        "anticonstitutionnellementcompliquée",
        "ÿ" * 40,
    ],
)
def test_every_prefix_is_one_the_action_accepts(title):
    for taken in (set(), {prefix_for(title)}):
        assert PREFIX.match(prefix_for(title, taken))
