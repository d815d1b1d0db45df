"""The template gallery: one demo commune per template, to show the twelve to a commune.

``python -m mairie.themes.gallery PROFILE FOLDER`` writes into FOLDER one profile
per template, derived from PROFILE with ``template`` and ``slug`` changed
(``demo-alpage``…); the files PROFILE refers to are linked beside them, so its
relative paths still hold. ``make start GALLERY=1`` creates the communes; the
page ``@@galerie`` at the Zope root lists them with their preview.
"""

from mairie.themes.catalog import templates
from pathlib import Path

import sys
import yaml


SLUG_PREFIX = "demo-"


def write_profiles(profile: Path, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    for entry in profile.parent.iterdir():
        link = folder / entry.name
        if entry.suffix not in (".yaml", ".yml") and not link.exists():
            link.symlink_to(entry.resolve())
    data = yaml.safe_load(profile.read_text(encoding="utf-8"))
    written = []
    for template in templates().values():
        data["commune"]["template"] = template.id
        data["commune"]["slug"] = SLUG_PREFIX + template.id
        # A domain is one commune's: the gallery's live at their temporary address.
        data.pop("domains", None)
        path = folder / f"{SLUG_PREFIX}{template.id}.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write_profiles(Path(sys.argv[1]), Path(sys.argv[2])):
        print(path)
