"""Every message of every package has its French translation."""

from pathlib import Path

import pytest
import re


SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGES = ["policy", "themes", "rdv", "payfip"]


def entries(path: Path) -> dict[str, str]:
    """msgid -> msgstr of a .po or .pot file, fuzzy entries left out."""
    found = {}
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        if "#, fuzzy" in block:
            continue
        msgid = re.search(r'^msgid "(.*)"', block, re.M)
        msgstr = re.search(r'^msgstr "(.*)"((?:\n".*")*)', block, re.M)
        if msgid and msgid.group(1):
            found[msgid.group(1)] = msgstr.group(1) + "".join(
                re.findall(r'"(.*)"', msgstr.group(2))
            )
    return found


@pytest.mark.parametrize("package", PACKAGES)
def test_every_message_is_translated(package):
    locales = SRC / f"mairie.{package}" / "src" / "mairie" / package / "locales"
    template = entries(locales / f"mairie.{package}.pot")
    french = entries(locales / "fr" / "LC_MESSAGES" / f"mairie.{package}.po")
    assert template, "the .pot is empty: run make i18n"
    missing = sorted(msgid for msgid in template if not french.get(msgid))
    assert missing == []


def test_variables_are_kept():
    locales = SRC / "mairie.policy" / "src" / "mairie" / "policy" / "locales"
    pot = (locales / "mairie.policy.pot").read_text(encoding="utf-8")
    defaults = dict(re.findall(r'#\. Default: "(.*)"\n(?:#.*\n)*msgid "(.*)"', pot))
    french = entries(locales / "fr" / "LC_MESSAGES" / "mairie.policy.po")
    for default, msgid in defaults.items():
        assert set(re.findall(r"\$\{\w+\}", default)) == set(
            re.findall(r"\$\{\w+\}", french[msgid])
        ), msgid


@pytest.mark.parametrize("package", PACKAGES)
def test_no_parenthesised_plurals(package):
    """« 1 commune(s) », « 3 erreur(s) »: a count agrees with its noun, or stands after a colon."""
    locales = SRC / f"mairie.{package}" / "src" / "mairie" / package / "locales"
    french = entries(locales / "fr" / "LC_MESSAGES" / f"mairie.{package}.po")
    assert (
        sorted(msgid for msgid, text in french.items() if re.search(r"\((?:s|e|es)\)", text)) == []
    )
