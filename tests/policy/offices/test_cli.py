"""mairie services SLUG FILE [--kind KIND ...]: exit status and one French line on bad input."""

from .annuaire import SAMPLE
from deployment import mairie
from deployment import write_zope_conf
from mairie.policy.cli.main import main
from pathlib import Path

import pytest


ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def run(monkeypatch, capsys):
    monkeypatch.delenv("MAIRIE_ZOPE_CONF", raising=False)

    def run(*argv):
        status = main(list(argv))
        out, err = capsys.readouterr()
        return status, out, err

    return run


def test_a_malformed_file_is_refused_before_any_database_is_opened(run, write_annuaire):
    def break_record(records):
        records[4]["pivot"] = "[{"

    status, out, err = run("services", "saint-aubin-sur-loire", str(write_annuaire(break_record)))
    assert status == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "France Travail - Angers Ouest" in err and "pivot" in err


def test_not_json(run, write_annuaire):
    status, out, err = run("services", "saint-aubin-sur-loire", str(write_annuaire(text="<html>")))
    assert status == 2 and "annuaire.json" in err


def test_an_unknown_kind(run):
    status, out, err = run(
        "services", "saint-aubin-sur-loire", str(SAMPLE), "--kind", "boulangerie"
    )
    assert status == 2
    assert "boulangerie" in err and "gendarmerie" in err


def test_no_zope_conf(run):
    status, out, err = run("services", "saint-aubin-sur-loire", str(SAMPLE))
    assert status == 2 and "zope.conf" in err


@pytest.mark.deployment
def test_the_real_command(tmp_path, agency_file, demo_profile_file, write_annuaire):
    """In its own process, on a real FileStorage: refused, then imported, then updated."""
    zope_conf = write_zope_conf(tmp_path)

    def mairie_run(*argv):
        return mairie(zope_conf, agency_file, *argv)

    assert mairie_run("create", str(demo_profile_file)).returncode == 0

    missing = mairie_run("services", "ailleurs", str(SAMPLE))
    assert missing.returncode == 2 and "ailleurs" in missing.stderr

    def break_last(records):
        records[-1]["plage_ouverture"] = '[{"nom_jour_debut": "Funday"}]'

    refused = mairie_run("services", "saint-aubin-sur-loire", str(write_annuaire(break_last)))
    assert refused.returncode == 2
    assert "Chalonnes" in refused.stderr and "Funday" in refused.stderr

    # Nothing of the refused file was written: every service is created now.
    chosen = mairie_run(
        "services", "saint-aubin-sur-loire", str(SAMPLE), "--kind", "gendarmerie", "--kind", "caf"
    )
    assert chosen.returncode == 0, chosen.stderr
    assert counts(chosen.stdout) == [2, 0, 0]  # created, updated, unchanged

    everything = mairie_run("services", "saint-aubin-sur-loire", str(SAMPLE))
    assert everything.returncode == 0, everything.stderr
    assert counts(everything.stdout) == [5, 0, 2]


def counts(line: str) -> list[int]:
    return [int(word) for word in line.replace(",", " ").split() if word.isdigit()]
