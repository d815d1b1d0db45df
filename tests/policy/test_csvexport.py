"""The one CSV writer: formula starts (OWASP's list) become text, other cells stay as typed."""

from mairie.policy.csvexport import cell
from mairie.policy.csvexport import to_csv

import csv
import io
import pytest


@pytest.mark.parametrize(
    "typed",
    [
        '=HYPERLINK("http://attaquant.example","Voir")',
        "@SUM(1+1)",
        "+33 6 12 34 56 78",
        "-2+3+cmd|' /C calc'!A0",
        "\t=1+1",
        "\r=1+1",
    ],
)
def test_a_formula_start_gets_an_apostrophe(typed):
    assert cell(typed) == f"'{typed}"


@pytest.mark.parametrize(
    "value, written",
    [("Jeanne Martin", "Jeanne Martin"), ("12,50", "12,50"), (42, "42"), (None, ""), ("", "")],
)
def test_other_cells_stay_as_typed(value, written):
    assert cell(value) == written


def test_rows_read_back_with_the_delimiter():
    text = to_csv([["Nom", "Objet"], ["Martin; Jeanne", '=1+1 "x"\nsuite']], delimiter=";")
    assert text.endswith("\r\n")
    assert list(csv.reader(io.StringIO(text), delimiter=";")) == [
        ["Nom", "Objet"],
        ["Martin; Jeanne", '\'=1+1 "x"\nsuite'],
    ]
