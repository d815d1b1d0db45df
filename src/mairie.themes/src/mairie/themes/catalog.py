"""The catalogue of templates, read from the theme folders themselves.

Provisioning validates a commune profile before Zope starts, so the list of
templates comes from the ``manifest.cfg`` files, not from the theming utility.
"""

from configparser import ConfigParser
from dataclasses import dataclass
from functools import cache
from pathlib import Path


THEMES_DIR = Path(__file__).parent / "themes"
THEME_PREFIX = "mairie-"


@dataclass(frozen=True)
class Template:
    id: str
    title: str
    description: str

    @property
    def theme_name(self) -> str:
        """Name of the Diazo theme that renders this template."""
        return THEME_PREFIX + self.id


@cache
def templates() -> dict[str, Template]:
    """Every template by id, in alphabetical order."""
    found = {}
    for manifest in sorted(THEMES_DIR.glob("*/manifest.cfg")):
        parser = ConfigParser(interpolation=None)
        parser.read(manifest, encoding="utf-8")
        theme = parser["theme"]
        tid = manifest.parent.name
        found[tid] = Template(tid, theme["title"], theme["description"])
    return found
