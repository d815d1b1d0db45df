"""The default gateway: messages kept in the site, for agents to read (« SMS envoyés »).

Nothing leaves the server: a commune without an SMS provider, or the demo,
still sees what would have been sent. Entries older than ``KEEP`` are purged
by the daily recap (they hold phone numbers).
"""

from .base import SmsGateway
from BTrees.OOBTree import OOBTree
from datetime import datetime
from datetime import timedelta
from mairie.policy.acts.dates import now as paris_now
from mairie.policy.acts.dates import paris_time
from mairie.policy.phone import normalize_phone
from zope.annotation.interfaces import IAnnotations

import uuid


KEY = "mairie.rdv.sms.outbox"
KEEP = timedelta(days=30)


class OutboxGateway(SmsGateway):
    def __init__(self, site):
        self.site = site

    def send(self, phone: str, text: str) -> None:
        number = normalize_phone(phone)
        now = paris_now()
        # A unique key per message: concurrent sends add different BTree keys,
        # which the BTree's conflict resolution merges.
        _outbox(self.site, create=True)[(now.isoformat(), uuid.uuid4().hex)] = {
            "when": now,
            "phone": number,
            "text": text,
        }


def sent_messages(site) -> list[dict]:
    """The messages in the outbox, newest first."""
    return list(reversed(list(_outbox(site).values())))


def purge_outbox(site, now: datetime | None = None) -> int:
    outbox = _outbox(site)
    limit = (paris_time(now or paris_now()) - KEEP).isoformat()
    old = [key for key in outbox.keys() if key[0] < limit]
    for key in old:
        del outbox[key]
    return len(old)


def _outbox(site, create=False):
    annotations = IAnnotations(site)
    if KEY not in annotations:
        if not create:
            return OOBTree()
        annotations[KEY] = OOBTree()
    return annotations[KEY]
