"""The real commands, each in its own process, on a deployment with a commune site.

A commune is created once (about a minute); each test works on a copy.
"""

from deployment import mairie
from deployment import write_zope_conf
from pathlib import Path
from paths import ROOT

import json
import pytest
import shutil
import subprocess
import sys
import yaml


pytestmark = pytest.mark.deployment


SCRIPT = Path(__file__).parent / "zope_script.py"
SLUG = "saint-aubin-sur-loire"
GB = 1024**3


@pytest.fixture(scope="module")
def provisioned(tmp_path_factory, agency_file, demo_profile_file):
    """A FileStorage deployment with the demo commune, as `mairie create` leaves it."""
    base = tmp_path_factory.mktemp("provisioned")
    conf = write_zope_conf(base)
    created = mairie(conf, agency_file, "create", str(demo_profile_file))
    assert created.returncode == 0, created.stderr
    return base


@pytest.fixture
def deployment(provisioned, tmp_path):
    shutil.copytree(provisioned / "instance", tmp_path / "instance")
    return write_zope_conf(tmp_path)


@pytest.fixture(scope="module")
def agency_file():
    return ROOT / "examples" / "agency.yaml"


@pytest.fixture(scope="module")
def demo_profile_file():
    return ROOT / "examples" / SLUG / "commune.yaml"


def _state(zope_conf, *action):
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(zope_conf), *(action or ("state",))],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_backup_change_restore(deployment, agency_file, tmp_path):
    backups = tmp_path / "backups"
    saved = mairie(deployment, agency_file, "backup", "--to", str(backups))
    assert saved.returncode == 0, saved.stderr
    (folder,) = backups.iterdir()

    changed = _state(deployment, "change")
    assert changed["title"] == "Page modifiée après la sauvegarde"
    assert "ajoute-apres-sauvegarde" in changed["files"]

    restored = mairie(deployment, agency_file, "restore", str(folder))
    assert restored.returncode == 0, restored.stderr
    state = _state(deployment)
    assert state["page"] == changed["page"]
    assert state["title"] != changed["title"]
    assert "ajoute-apres-sauvegarde" not in state["files"]
    # The commune's own blobs are back and readable.
    assert state["image_md5"] == changed["image_md5"]


def test_usage_warns_past_90_percent(deployment, agency_file, tmp_path):
    # The demo commune's plan, "ma-commune", with 1 GB instead of 2.
    agency = yaml.safe_load(agency_file.read_text(encoding="utf-8"))
    agency["plans"]["ma-commune"]["quota_gb"] = 1
    small_plans = tmp_path / "agency.yaml"
    small_plans.write_text(yaml.safe_dump(agency, allow_unicode=True), encoding="utf-8")

    _state(deployment, "big-file", str(int(0.95 * GB)))
    after = mairie(deployment, small_plans, "usage")
    assert after.returncode == 0, after.stderr
    line, warning = after.stdout.splitlines()
    assert line.startswith(f"{SLUG} : ") and "(95," in line
    assert warning.startswith(f"ATTENTION {SLUG}")
    checked = mairie(deployment, small_plans, "usage", "--check")
    assert checked.returncode == 1
    assert checked.stdout == after.stdout
