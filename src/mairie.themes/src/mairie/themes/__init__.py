"""mairie.themes: Les 12 modèles graphiques des sites de commune, personnalisés par commune."""

from zope.i18nmessageid import MessageFactory

import logging


PACKAGE_NAME = "mairie.themes"

_ = MessageFactory(PACKAGE_NAME)

logger = logging.getLogger(PACKAGE_NAME)
