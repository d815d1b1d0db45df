"""Home-page blocks: the latest news and the next events, each with a link to its full listing."""

from .dates import event_when
from .dates import news_date
from .listings import latest_news
from .listings import news_brains
from .listings import next_events
from mairie.policy.provisioning.content import AGENDA
from mairie.policy.provisioning.content import NEWS
from mairie.policy.querystring import bounded_int
from plone.base.batch import Batch
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
            _news_item(brain, self.request) for brain in latest_news(self.context, self.limit())
        ]


def _news_item(brain, request) -> dict:
    # A draft has no publication date (the index holds a far past): its creation date then.
    when = brain.effective if brain.EffectiveDate != "None" else brain.created
    return {
        "title": brain.Title,
        "url": brain.getURL(),
        "description": brain.Description,
        "date": news_date(when, request),
        "iso_date": when.ISO8601(),
        "image": brain.getIcon and f"{brain.getURL()}/@@images/image/thumb",
    }


class NewsListingView(BrowserView):
    """The « Actualités » page: its news items newest first, each with its date, by pages."""

    page_size = 20

    def batch(self):
        start = bounded_int(self.request.form.get("b_start"), default=0, low=0, high=10**6)
        return Batch(news_brains(self.context), self.page_size, start)

    def items(self) -> list[dict]:
        return [_news_item(brain, self.request) for brain in self.batch()]


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
