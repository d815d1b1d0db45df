"""The mairie command as an operator runs it: messages in French, exit status."""

from deployment import mairie
from deployment import write_zope_conf
from mairie.policy.cli.main import main
from pathlib import Path

import pytest


ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def run(monkeypatch, agency_file, capsys):
    monkeypatch.setenv("MAIRIE_AGENCY", str(agency_file))
    monkeypatch.delenv("MAIRIE_ZOPE_CONF", raising=False)

    def run(*argv):
        status = main(list(argv))
        out, err = capsys.readouterr()
        return status, out, err

    return run


def test_check_a_valid_profile(run, demo_profile_file):
    status, out, err = run("check", str(demo_profile_file))
    assert status == 0
    assert "Mairie de Saint-Aubin-sur-Loire" in out and err == ""


def test_one_line_per_problem_and_status_2(run, write_profile):
    def change(data):
        data["commune"].update(insee="123", template="rose")
        data["identity"]["logo"] = "/nowhere/logo.png"

    status, out, err = run("create", str(write_profile(change)))
    assert status == 2
    lines = err.strip().splitlines()
    assert len(lines) == 3
    assert "commune.insee : code INSEE" in lines[0]
    assert "commune.template : " in lines[1]
    assert "identity.logo : " in lines[2]


@pytest.mark.parametrize("command", ["create", "update", "check"])
def test_missing_profile(run, tmp_path, command):
    status, out, err = run(command, str(tmp_path / "absent.yaml"))
    assert status == 2
    assert "introuvable" in err


def test_missing_agency_file(run, monkeypatch, demo_profile_file):
    monkeypatch.delenv("MAIRIE_AGENCY")
    status, out, err = run("check", str(demo_profile_file))
    assert status == 2
    assert "agence" in err


def test_missing_zope_conf(run, demo_profile_file, tmp_path):
    status, out, err = run("create", str(demo_profile_file))
    assert status == 2
    assert "zope.conf" in err
    status, out, err = run("--zope-conf", str(tmp_path / "zope.conf"), "list")
    assert status == 2
    assert "introuvable" in err


@pytest.mark.deployment
def test_create_again_update_and_list(tmp_path, agency_file, demo_profile_file):
    """The real command, in its own process, on a real FileStorage with blobs."""
    zope_conf = write_zope_conf(tmp_path)
    instance = tmp_path / "instance"

    def mairie_run(*argv):
        return mairie(zope_conf, agency_file, *argv)

    created = mairie_run("create", str(demo_profile_file))
    assert created.returncode == 0, created.stderr
    assert "Mairie de Saint-Aubin-sur-Loire" in created.stdout
    assert (instance / "var" / "filestorage" / "Data.fs").stat().st_size > 1_000_000
    assert any((instance / "var" / "blobstorage").rglob("*.blob"))

    again = mairie_run("create", str(demo_profile_file))
    assert again.returncode == 2
    assert "existe déjà" in again.stderr and "mairie update" in again.stderr

    skipped = mairie_run("create", "--if-missing", str(demo_profile_file))
    assert skipped.returncode == 0, skipped.stderr

    updated = mairie_run("update", str(demo_profile_file))
    assert updated.returncode == 0, updated.stderr

    listed = mairie_run("list")
    assert listed.returncode == 0, listed.stderr
    header, row = listed.stdout.strip().splitlines()
    assert header.split() == ["commune", "titre", "modèle", "formule", "modules", "adresse"]
    assert row.split()[0] == "saint-aubin-sur-loire"
    for value in ("bocage", "ma-commune", "payfip, rdv", "www.saint-aubin-sur-loire.example.fr"):
        assert value in row
