"""« Nouvelle démarche en ligne »: an online procedure made by an editor in one step.

The new form takes requests at once: the SVE action set (a numbering prefix of
its own, its e-mail field, the service and the agents from the commune's
settings), the RGPD notice under its fields, the anti-robot fields. It stays
private until the editor publishes it.
"""

from .agents import sve_action
from .fields import email_field_name
from .provisioning import actions_model
from .provisioning import create_form
from .provisioning import MODELS
from .provisioning import notice
from .provisioning import Service
from plone import api
from plone.supermodel import loadString

import re
import unicodedata


MODEL = "nouvelle-demarche.xml"
RETENTION = 12  # months, as the contact form
FALLBACK = "DEMANDE"
LENGTH = 3

# Words that say nothing of what a procedure is about: « Demande de salle » is SAL.
GENERIC = frozenset(
    """
    a au aux d de des du en et l la le les un une pour par sur ou votre vos mon ma mes
    demande demandes formulaire dossier
    """.split()
)
LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})


def words_of(title: str) -> list[str]:
    """The title's words in capitals without accents: « Cantine d'été » is CANTINE, D, ETE."""
    plain = unicodedata.normalize("NFKD", (title or "").translate(LIGATURES))
    plain = "".join(char for char in plain if not unicodedata.combining(char))
    return re.findall(r"[A-Z0-9]+", plain.upper())


def prefix_for(title: str, taken=frozenset()) -> str:
    """A numbering prefix for a form of this title that no other form of the site uses.

    The first three letters of the title's first meaningful word (« Demande de
    salle » is SAL); when taken, the initials of the next words are added
    (« Location de salle des fêtes »: LOC, LOCSF), then the whole word
    (LOCATION), then a number (LOC2, LOC3...). A title of generic words only
    keeps them; a title without letters or digits is DEM (« demande »).
    """
    words = words_of(title)
    meaningful = [word for word in words if word.lower() not in GENERIC] or words or [FALLBACK]
    first = meaningful[0]
    base = first[:LENGTH]
    candidates = [base]
    if len(meaningful) > 1:
        candidates.append(base + "".join(word[0] for word in meaningful[1:]))
    candidates.append(first)
    for candidate in candidates:
        candidate = candidate[:20]
        if candidate not in taken:
            return candidate
    number = 2
    while f"{base}{number}" in taken:
        number += 1
    return f"{base}{number}"


def taken_prefixes(site, but=None) -> set[str]:
    """The numbering prefixes of the site's forms (SVE action on or off), ``but`` one form."""
    taken = set()
    for brain in site.portal_catalog.unrestrictedSearchResults(portal_type="EasyForm"):
        form = brain._unrestrictedGetObject()
        if but is not None and form.getPhysicalPath() == but.getPhysicalPath():
            continue
        action = sve_action(form, enabled=False)
        if action is not None:
            taken.add(action.prefix)
    return taken


def create_procedure(container, title: str, description: str = ""):
    """Create the online procedure; the add permission of EasyForm is checked on ``container``."""
    site = api.portal.get()
    service = Service.of_site(site)
    fields = (MODELS / MODEL).read_text(encoding="utf-8")
    return create_form(
        container,
        title,
        description,
        fields,
        actions_model(
            service,
            prefix_for(title, taken_prefixes(site)),
            manual_review=False,
            retention=RETENTION,
            email_field=email_field_name(loadString(fields).schema) or "",
        ),
        notice(service, RETENTION),
    )
