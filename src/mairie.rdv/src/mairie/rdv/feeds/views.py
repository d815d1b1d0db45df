"""The feed itself (``<agenda>/@@ical/<token>``, public, the token is the key) and
the agents' page « Mes agendas (iCal) » with the addresses to subscribe to."""

from mairie.rdv import _
from mairie.rdv.feeds.calendar import feed
from mairie.rdv.feeds.tokens import AGENT
from mairie.rdv.feeds.tokens import COUNTER
from mairie.rdv.feeds.tokens import owner
from mairie.rdv.feeds.tokens import renew
from mairie.rdv.feeds.tokens import token_for
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from zExceptions import NotFound
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


@implementer(IPublishTraverse)
class Feed(BrowserView):
    token = ""

    def publishTraverse(self, request, name):
        if self.token:
            raise NotFound(name)
        self.token = name.removesuffix(".ics")
        return self

    def __call__(self):
        found = owner(self.context, self.token)
        if found is None:
            raise NotFound(self.token)
        kind, id = found
        name = f"{self.context.Title()} – {_owner_title(self.context, kind, id)}"
        body = feed(self.context, kind, id, name).to_ical()
        response = self.request.response
        response.setHeader("Content-Type", "text/calendar; charset=utf-8")
        response.setHeader("Cache-Control", "private, no-store")
        response.setHeader("X-Robots-Tag", "noindex")
        return body


class MyFeeds(BrowserView):
    def __call__(self):
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            kind, id = self.request.form.get("kind", ""), self.request.form.get("id", "")
            if (kind, id) not in {(row["kind"], row["id"]) for row in self.rows()}:
                IStatusMessage(self.request).add(
                    _("feeds_unknown", default="This calendar does not exist."), type="error"
                )
            else:
                renew(self.context, kind, id)
                IStatusMessage(self.request).add(
                    _(
                        "feeds_renewed",
                        default="New address created: subscribe to it again; the former one no longer works.",
                    )
                )
            self.request.response.redirect(f"{self.context.absolute_url()}/@@mes-agendas-ical")
            return ""
        return self.index()

    def rows(self) -> list[dict]:
        userid = api.user.get_current().getId()
        rows = [{"kind": AGENT, "id": userid, "title": _("feeds_mine", default="My appointments")}]
        rows += [
            {"kind": COUNTER, "id": counter.getId(), "title": counter.Title()}
            for counter in self.context.counters()
        ]
        for row in rows:
            token = token_for(self.context, row["kind"], row["id"])
            row["url"] = f"{self.context.absolute_url()}/@@ical/{token}.ics" if token else ""
        return rows


def _owner_title(agenda, kind: str, id: str) -> str:
    if kind == COUNTER:
        counter = agenda.get(id)
        return counter.Title() if counter is not None else id
    user = api.user.get(userid=id)
    return (user.getProperty("fullname", "") if user is not None else "") or id
