"""Write versions.cfg (buildout) from constraints.txt (pip, uv): one source of pins.

Usage: python scripts/pins.py [--check]
With --check, exit 1 if versions.cfg is not what constraints.txt gives.
"""

from pathlib import Path

import sys


ROOT = Path(__file__).resolve().parent.parent
HEADER = """\
# Generated from constraints.txt by scripts/pins.py (make pins): do not edit.
# Every distribution of the deployment, test extras included, pinned exactly.
[versions]
"""


def render() -> str:
    pins = []
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, version = line.split("==")
            pins.append(f"{name} = {version}")
    return HEADER + "\n".join(sorted(pins, key=str.lower)) + "\n"


def main() -> int:
    target = ROOT / "versions.cfg"
    if "--check" in sys.argv:
        if target.read_text() != render():
            print("versions.cfg ne correspond pas à constraints.txt : lancez « make pins ».")
            return 1
        return 0
    target.write_text(render())
    return 0


if __name__ == "__main__":
    sys.exit(main())
