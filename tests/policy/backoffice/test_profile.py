"""The back-office settings of the commune profile and the agency file, at ``mairie check``."""

from mairie.policy.cli.main import main

import pytest
import yaml


@pytest.fixture
def check(monkeypatch, capsys):
    def check(profile, agency_file):
        monkeypatch.setenv("MAIRIE_AGENCY", str(agency_file))
        status = main(["check", str(profile)])
        out, err = capsys.readouterr()
        return status, out, err

    return check


def test_the_demo_has_a_login_path(demo_profile):
    assert demo_profile.security.login_path == "espace-agents"


@pytest.mark.parametrize(
    "value",
    ["login", "acl_users", "court", "Espace-Agents", "espace agents", "espace--agents", "a" * 61],
)
def test_bad_login_path_refused(check, write_profile, agency_file, value):
    path = write_profile(lambda data: data["security"].update(login_path=value))
    status, out, err = check(path, agency_file)
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1
    assert "security.login_path : " in err
    assert value in err


def test_login_path_is_required(check, write_profile, agency_file):
    path = write_profile(lambda data: data["security"].pop("login_path"))
    status, _out, err = check(path, agency_file)
    assert status == 2
    assert "security.login_path : " in err


def test_malformed_allowlist_refused(check, write_profile, agency_file):
    path = write_profile(lambda data: data["security"].update(admin_ip_allowlist=["10.0.0.0/33"]))
    status, _out, err = check(path, agency_file)
    assert status == 2
    assert "security.admin_ip_allowlist[1] : " in err
    assert "10.0.0.0/33" in err


def test_malformed_trusted_proxy_refused(check, demo_profile_file, agency_file, tmp_path):
    data = yaml.safe_load(agency_file.read_text(encoding="utf-8"))
    data["backoffice"] = {"trusted_proxies": ["127.0.0.1", "proxy.example.fr"]}
    broken = tmp_path / "agency.yaml"
    broken.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    status, _out, err = check(demo_profile_file, broken)
    assert status == 2
    assert "backoffice.trusted_proxies[2]" in err
    assert "proxy.example.fr" in err


def test_agency_defaults_trust_loopback_only(agency):
    assert agency.backoffice.trusted_proxies == ["127.0.0.0/8", "::1/128"]
    assert agency.backoffice.operator_networks == ["127.0.0.0/8", "::1/128"]
