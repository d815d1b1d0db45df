"""One source of pins: versions.cfg must be what constraints.txt gives."""

from pathlib import Path

import subprocess
import sys


ROOT = Path(__file__).resolve().parent.parent


def test_versions_cfg_is_generated_from_constraints():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "pins.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout


def test_every_installed_distribution_is_pinned():
    pinned = {
        line.split("==")[0].lower().replace("_", "-").replace(".", "-")
        for line in (ROOT / "constraints.txt").read_text().splitlines()
        if "==" in line
    }
    from importlib.metadata import distributions

    installed = {
        dist.metadata["Name"].lower().replace("_", "-").replace(".", "-")
        for dist in distributions()
    }
    ours = {"mairie", "mairie-policy", "mairie-themes", "mairie-rdv", "mairie-payfip"}
    assert installed - ours - pinned == set()
