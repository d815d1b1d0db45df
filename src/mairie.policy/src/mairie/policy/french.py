"""French text of a message where no request chooses the language: mails, provisioning."""

from zope.i18n import translate


def fr(message) -> str:
    return translate(message, target_language="fr")
