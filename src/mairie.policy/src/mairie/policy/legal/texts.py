"""The legal pages' text: page templates in ``texts/``, rendered with the profile's values.

Chameleon renders them outside any request, in the site's language, with
Python expressions (``${host.name}``): the templates carry msgids with English
defaults (domain mairie.policy) that the French catalogue translates, and
every inserted value is escaped.
"""

from chameleon import PageTemplateFile
from functools import cache
from pathlib import Path
from zope.i18n import translate


TEXTS = Path(__file__).parent / "texts"
LANGUAGE = "fr"


def render(name: str, **values) -> str:
    """The HTML of ``texts/<name>.pt`` with ``values``, translated to the site's language."""
    html = _template(name)(translate=_translate, target_language=LANGUAGE, **values)
    return "\n".join(line.strip() for line in html.splitlines() if line.strip())


def in_language(message) -> str:
    """A message of the code, translated like the templates."""
    return translate(message, target_language=LANGUAGE)


@cache
def _template(name: str) -> PageTemplateFile:
    return PageTemplateFile(str(TEXTS / f"{name}.pt"))


def _translate(msgid, domain=None, mapping=None, default=None, target_language=None, **_rest):
    return translate(
        msgid,
        domain=domain,
        mapping=mapping,
        default=default,
        target_language=target_language or LANGUAGE,
    )
