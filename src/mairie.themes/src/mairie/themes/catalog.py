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


HEROES = ("slideshow", "image", "none")
BLOCKS = ("quick-access", "news", "agenda", "bulletin", "hours", "council", "services")


@dataclass(frozen=True)
class Template:
    id: str
    title: str
    description: str
    hero: str  # one of HEROES: the home page's header image(s)
    blocks: tuple[str, ...]  # the home page's blocks in their default order, among BLOCKS

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
        home = parser["mairie:home"]
        tid = manifest.parent.name
        blocks = tuple(home["blocks"].split())
        if home["hero"] not in HEROES or not set(blocks) <= set(BLOCKS):
            raise ValueError(f"{manifest}: unknown hero or block in [mairie:home]")
        found[tid] = Template(tid, theme["title"], theme["description"], home["hero"], blocks)
    return found
