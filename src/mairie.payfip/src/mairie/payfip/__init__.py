"""mairie.payfip: Paiement en ligne des factures de la commune par PayFiP."""

from zope.i18nmessageid import MessageFactory

import logging


PACKAGE_NAME = "mairie.payfip"

_ = MessageFactory(PACKAGE_NAME)

logger = logging.getLogger(PACKAGE_NAME)
