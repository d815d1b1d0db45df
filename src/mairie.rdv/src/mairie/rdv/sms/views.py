"""« SMS envoyés »: what the outbox holds, for agents."""

from .outbox import sent_messages
from mairie.rdv.wording import french_when
from Products.Five.browser import BrowserView


class SentMessages(BrowserView):
    def messages(self) -> list[dict]:
        return [
            {"when": french_when(item["when"]), "phone": item["phone"], "text": item["text"]}
            for item in sent_messages(self.context)
        ]
