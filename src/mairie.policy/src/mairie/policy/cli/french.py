"""Translate the command's messages to French without starting Zope.

Validation runs before any database is opened, so the command reads the
package's French catalogue itself, the same ``.po`` file Zope uses.
"""

from functools import cache
from mairie.policy import PACKAGE_NAME
from pathlib import Path
from zope.i18n.compile import compile_mo_file
from zope.i18n.gettextmessagecatalog import GettextMessageCatalog
from zope.i18n.translationdomain import TranslationDomain


LC_MESSAGES = Path(__file__).parent.parent / "locales" / "fr" / "LC_MESSAGES"


@cache
def _domain() -> TranslationDomain:
    compile_mo_file(PACKAGE_NAME, str(LC_MESSAGES))
    domain = TranslationDomain(PACKAGE_NAME, fallbacks=["fr"])
    domain.addCatalog(
        GettextMessageCatalog("fr", PACKAGE_NAME, str(LC_MESSAGES / f"{PACKAGE_NAME}.mo"))
    )
    return domain


def french(message) -> str:
    return _domain().translate(message, target_language="fr")
