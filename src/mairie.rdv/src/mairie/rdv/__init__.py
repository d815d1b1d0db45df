"""mairie.rdv: Prise de rendez-vous en ligne pour la CNI, le passeport et les autres guichets."""

from zope.i18nmessageid import MessageFactory

import logging


PACKAGE_NAME = "mairie.rdv"

_ = MessageFactory(PACKAGE_NAME)

logger = logging.getLogger(PACKAGE_NAME)
