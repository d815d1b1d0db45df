"""A module plugs in through its entry point: the core names none.

A module made up here, registered only by an entry point, gets its section of
the commune profile, its rules in French, its sub-command, as rdv and payfip do.
"""

from importlib.metadata import entry_points
from mairie.policy.cli.main import main
from mairie.policy.commune.loader import load_profile
from mairie.policy.commune.loader import ProfileError
from mairie.policy.commune.schema import Model
from mairie.policy.commune.schema import profile_model
from mairie.policy.modules import Command
from mairie.policy.modules import GROUP
from mairie.policy.modules import Module
from mairie.policy.modules import modules
from pydantic import Field
from types import SimpleNamespace

import pytest


class Sms(Model):
    sender: str = Field(min_length=3, max_length=11)


SMS = Module(
    product="mairie.sms",
    sections={"sms": Sms},
    commands=(Command("sms-send", "SMS : envoyer ceux en attente", lambda app: "0"),),
)


@pytest.fixture
def sms_module(monkeypatch):
    def found(group):
        return [*entry_points(group=group), SimpleNamespace(name="sms", load=lambda: SMS)]

    monkeypatch.setattr("mairie.policy.modules.entry_points", found)
    modules.cache_clear()
    profile_model.cache_clear()
    yield
    monkeypatch.undo()
    modules.cache_clear()
    profile_model.cache_clear()


def test_the_installed_modules():
    assert {name: module.product for name, module in modules().items()} == {
        "payfip": "mairie.payfip",
        "rdv": "mairie.rdv",
    }
    assert {entry.name for entry in entry_points(group=GROUP)} == {"payfip", "rdv"}


def test_a_new_module_gets_its_section_and_its_command(sms_module, write_profile, agency, capsys):
    def change(data):
        data["commune"]["modules"] = ["rdv", "sms"]
        data["sms"] = {"sender": "Mairie"}

    profile = load_profile(write_profile(change), agency)
    assert profile.commune.modules == ["rdv", "sms"]
    assert profile.sms.sender == "Mairie"
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "sms-send" in capsys.readouterr().out


def test_without_it_its_name_and_section_are_refused(write_profile, agency):
    def change(data):
        data["commune"]["modules"] = ["sms"]
        data["sms"] = {"sender": "Mairie"}

    with pytest.raises(ProfileError) as raised:
        load_profile(write_profile(change), agency)
    assert [problem.field for problem in raised.value.problems] == ["commune.modules", "sms"]


def test_the_modules_rules_in_french_from_their_catalogues(write_profile, agency_file, capsys):
    def change(data):
        del data["mairie"]["address"]["latitude"]
        del data["mairie"]["address"]["longitude"]
        data["payfip"]["numcli"] = "12345"

    status = main(["--agency", str(agency_file), "check", str(write_profile(change))])
    assert status == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 2
    assert "mairie : avec le module rdv, donnez la latitude et la longitude" in lines[0]
    assert "payfip.numcli : numéro de client PayFiP de 6 chiffres attendu" in lines[1]


def test_the_modules_commands(agency_file, capsys, monkeypatch):
    monkeypatch.delenv("MAIRIE_ZOPE_CONF", raising=False)
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert all(name in out for name in ("rdv-reminders", "rdv-recap", "payfip-expire"))
    # Each opens the database as the core's commands do, with the same French errors.
    assert main(["--agency", str(agency_file), "payfip-expire"]) == 2
    assert "zope.conf" in capsys.readouterr().err
