"""mairie.policy: Profil de la commune, structure du site, contenus municipaux, formulaires et sécurité."""

from zope.i18nmessageid import MessageFactory

import logging


PACKAGE_NAME = "mairie.policy"

_ = MessageFactory(PACKAGE_NAME)

logger = logging.getLogger(PACKAGE_NAME)
