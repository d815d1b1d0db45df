"""French wording shared by the packages: a message's French where no request chooses the
language (mails, provisioning), and French plurals (0 and 1 take the singular)."""

from zope.i18n import translate


def fr(message) -> str:
    return translate(message, target_language="fr")


def plural(count: int, one, many):
    """``one`` for 0 and 1, ``many`` from 2: « 1 abstention », « 0 erreur », « 3 erreurs ».

    Both are messages taking ``${count}``; the English of ``one`` is used for 1 only in
    English too, which the site does not show.
    """
    return one if abs(count) < 2 else many
