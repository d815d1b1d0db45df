"""English left on a page: the English texts of the catalogues whose French differs, raw msgids.

A page's visible text is cut into its strings (lines and table cells); a string that
is, whole, the English text of a message whose French differs (ours, Plone's,
collective.easyform's), or one of our msgids (``sve_right_access``), or that holds one
of a few English words Plone shows untranslated, is English left in the back-office.
"""

from pathlib import Path

import collective.easyform
import mairie.policy
import plone.app.locales
import re


ROOT = Path(__file__).resolve().parents[3]
OURS = sorted(ROOT.glob("src/mairie.*/src/mairie/*/locales/fr/LC_MESSAGES/mairie.*.po"))
OVERRIDES = Path(mairie.policy.__path__[0]) / "translations" / "locales" / "fr" / "LC_MESSAGES"
THEIRS = [
    *(Path(plone.app.locales.__path__[0]) / "locales" / "fr" / "LC_MESSAGES").glob("*.po"),
    *(Path(collective.easyform.__path__[0]) / "locales" / "fr" / "LC_MESSAGES").glob("*.po"),
]
# Words Plone's JavaScript and listings show untranslated; whole words, as written.
KNOWN_ENGLISH = re.compile(
    r"\b(?:\d+ of \d+ selected|published|private|pending|Settings|Add new)\b"
)
TOKEN = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$")


def _unquote(lines: str) -> str:
    return (
        "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', lines)).replace('\\"', '"').replace("\\n", "\n")
    )


def entries(path: Path):
    """(msgid, English text, French) of a .po file: the English is the Default, else the msgid."""
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        if "#, fuzzy" in block:
            continue
        msgid = re.search(r'^msgid ((?:".*"\n?)+)', block, re.M)
        msgstr = re.search(r'^msgstr ((?:".*"\n?)+)', block, re.M)
        if not msgid or not msgstr:
            continue
        default = re.search(r'^#\. Default: "(.*)"$', block, re.M)
        ident = _unquote(msgid.group(1))
        if ident:
            english = default.group(1).replace('\\"', '"') if default else ident
            yield ident, english, _unquote(msgstr.group(1))


def _normal(text: str) -> str:
    return " ".join(text.replace("&hellip;", "…").split())


def english_texts() -> dict[str, str]:
    """English text → where it comes from, for every message whose French differs."""
    french = {}
    for path in THEIRS:
        for ident, english, translation in entries(path):
            french.setdefault((path.stem, ident), (english, translation))
    for path in [*OURS, *OVERRIDES.glob("*.po")]:
        for ident, english, translation in entries(path):
            french[(path.stem, ident)] = (english, translation)
    # A text that is also the French of a message is French too (« Description », « Actions »).
    also_french = {_normal(translation) for _english, translation in french.values()}
    found = {}
    for (domain, ident), (english, translation) in french.items():
        english = _normal(english)
        if (
            len(english) > 3
            and re.search(r"[A-Za-z]{3}", english)
            and not TOKEN.match(english)
            and "${" not in english
            and _normal(translation) != english
            and english not in also_french
        ):
            found.setdefault(english, f"{domain}: {ident}")
    return found


def our_tokens() -> set[str]:
    return {
        ident for path in OURS for ident, _english, _french in entries(path) if TOKEN.match(ident)
    }


def english_on(strings, english: dict[str, str], tokens: set[str]) -> list[str]:
    """The strings of a page that are English, each with its catalogue entry."""
    found = []
    for string in strings:
        text = _normal(string)
        if text in english:
            found.append(f"« {text} » ({english[text]})")
        elif known := KNOWN_ENGLISH.search(text):
            found.append(f"« {text} » (English word « {known.group(0)} »)")
        else:
            found.extend(
                f"« {text} » (raw msgid {word})"
                for word in re.findall(r"[a-z0-9_]+", text)
                if word in tokens
            )
    return found


# The strings a person reads on the page: the rendered text, cut into lines and cells,
# and the labels of buttons, fields and links (value, placeholder, title, aria-label).
VISIBLE_STRINGS = """() => {
  const strings = document.body.innerText.split(/[\\n\\t]+/);
  for (const element of document.querySelectorAll(
      "input[type=submit], input[type=button], button, [placeholder], [title], [aria-label]")) {
    if (!element.checkVisibility || !element.checkVisibility()) continue;
    // pat-structure's title links carry the type's id (« News Item ») as a tooltip: an id.
    const names = element.matches("td.title a.manage") ? ["aria-label"] : ["placeholder", "title", "aria-label"];
    for (const name of names) {
      if (element.getAttribute(name)) strings.push(element.getAttribute(name));
    }
    if (element.matches("input[type=submit], input[type=button]")) strings.push(element.value);
  }
  return strings.map(s => s.trim()).filter(Boolean);
}"""
