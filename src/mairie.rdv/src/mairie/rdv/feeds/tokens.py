"""The secret tokens of the private iCalendar feeds: one per counter and one per agent.

Kept in the agenda's annotations; a token is the only key to its feed, so it
is long and random (``secrets.token_urlsafe(32)``), and an agent can replace
it (the old address then stops working at once).
"""

from BTrees.OOBTree import OOBTree
from persistent import Persistent
from zope.annotation.interfaces import IAnnotations

import secrets


KEY = "mairie.rdv.feeds"
COUNTER = "counter"
AGENT = "agent"


class FeedTokens(Persistent):
    def __init__(self):
        self.owners = OOBTree()  # token → (kind, id)
        self.tokens = OOBTree()  # (kind, id) → token


def token_for(agenda, kind: str, id: str) -> str | None:
    data = _data(agenda)
    return data.tokens.get((kind, id)) if data is not None else None


def owner(agenda, token: str) -> tuple[str, str] | None:
    data = _data(agenda)
    if data is None or not token or not isinstance(token, str):
        return None
    return data.owners.get(token)


def renew(agenda, kind: str, id: str) -> str:
    """A new token for a feed (the first one, or in place of the old one)."""
    data = _data(agenda, create=True)
    old = data.tokens.get((kind, id))
    if old is not None:
        del data.owners[old]
    token = secrets.token_urlsafe(32)
    data.owners[token] = (kind, id)
    data.tokens[(kind, id)] = token
    return token


def _data(agenda, create=False) -> FeedTokens | None:
    annotations = IAnnotations(agenda)
    if KEY not in annotations and create:
        annotations[KEY] = FeedTokens()
    return annotations.get(KEY)
