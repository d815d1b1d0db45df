"""Translate the command's messages to French without starting Zope.

Validation runs before any database is opened, so the command reads the
package's French catalogue itself, the same ``.po`` file Zope uses: mairie.policy's,
or a module's for the messages of its domain (its profile rules).
"""

from functools import cache
from importlib.resources import files
from mairie.policy import PACKAGE_NAME
from zope.i18n.compile import compile_mo_file
from zope.i18n.gettextmessagecatalog import GettextMessageCatalog
from zope.i18n.translationdomain import TranslationDomain


@cache
def _domain(name: str) -> TranslationDomain:
    """The French catalogue of a domain, kept by the package of that name (a module's too)."""
    lc_messages = str(files(name) / "locales" / "fr" / "LC_MESSAGES")
    compile_mo_file(name, lc_messages)
    domain = TranslationDomain(name, fallbacks=["fr"])
    domain.addCatalog(GettextMessageCatalog("fr", name, f"{lc_messages}/{name}.mo"))
    return domain


def french(message) -> str:
    name = getattr(message, "domain", None) or PACKAGE_NAME
    return _domain(name).translate(message, target_language="fr")
