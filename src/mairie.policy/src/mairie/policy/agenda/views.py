"""Home-page blocks: the latest news and the next events, each with a link to its full listing."""

from .dates import event_when
from .dates import news_date
from .listings import latest_news
from .listings import next_events
from mairie.policy.provisioning.content import AGENDA
from mairie.policy.provisioning.content import NEWS
from mairie.policy.querystring import bounded_int
from Products.Five.browser import BrowserView


class _Fragment(BrowserView):
    """A fragment of the navigation root, ``n`` items (3 by default, 12 at most)."""

    folder = None

    def limit(self) -> int:
        return bounded_int(self.request.form.get("n"), default=3, low=1, high=12)

    def listing_url(self):
        folder = self.context.get(self.folder)
        return folder.absolute_url() if folder is not None else None


class LatestNewsView(_Fragment):
    folder = NEWS

    def items(self) -> list[dict]:
        return [
            {
                "title": brain.Title,
                "url": brain.getURL(),
                "description": brain.Description,
                "date": news_date(brain.effective, self.request),
                "iso_date": brain.effective.ISO8601(),
                "image": brain.getIcon and f"{brain.getURL()}/@@images/image/thumb",
            }
            for brain in latest_news(self.context, self.limit())
        ]


class NextEventsView(_Fragment):
    folder = AGENDA

    def items(self) -> list[dict]:
        return [
            {
                "title": event.title,
                "url": event.url,
                "when": event_when(
                    event.start, event.end, event.whole_day, event.open_end, self.request
                ),
                "iso_start": event.start.isoformat(),
                "place": event.location,
            }
            for event in next_events(self.context, self.limit())
        ]
