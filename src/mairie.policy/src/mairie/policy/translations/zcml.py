"""``mairie:translationsFirst``: i18n:registerTranslations, then our catalogues first in line.

Reordering the catalogues (rather than registering earlier) holds whatever loaded
first: Plone's ZCML runs before ours in the test layers, in the same run in Zope.
"""

from zope.component import getUtility
from zope.i18n.interfaces import ITranslationDomain
from zope.i18n.zcml import handler
from zope.i18n.zcml import IRegisterTranslationsDirective
from zope.i18n.zcml import registerTranslations


class ITranslationsFirstDirective(IRegisterTranslationsDirective):
    """A directory of catalogues that win over the other catalogues of their domains."""


def first_in_line(catalogs, name):
    """Register the catalogues of domain ``name`` (as zope.i18n does), ahead of the others.

    zope.i18n answers from the first catalogue of the language that has the message
    (plone.app.content's JavaScript catalogue too).
    """
    handler(catalogs, name)
    domain = getUtility(ITranslationDomain, name)
    for catalog in catalogs:
        line = domain._catalogs[catalog.language]
        line.remove(catalog.getIdentifier())
        line.insert(0, catalog.getIdentifier())


class _FirstInLine:
    """The directive's configuration context: zope.i18n's actions, with our handler."""

    def __init__(self, context):
        self._context = context

    def action(self, *args, **kwargs):
        if kwargs.get("callable") is handler:
            kwargs["callable"] = first_in_line
        return self._context.action(*args, **kwargs)

    def __getattr__(self, name):
        return getattr(self._context, name)


def translations_first(_context, directory, domain="*"):
    registerTranslations(_FirstInLine(_context), directory, domain)
