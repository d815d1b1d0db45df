"""The bulletin's pages: the issues, one issue, and the latest issues block."""

from .latest import bulletins_brains
from .latest import latest_bulletins
from mairie.policy.provisioning.content import BULLETINS
from mairie.policy.querystring import bounded_int
from plone import api
from plone.base.batch import Batch
from Products.Five.browser import BrowserView


class BulletinsView(BrowserView):
    """The section's page: every issue, newest first, by pages of ``page_size``."""

    page_size = 12

    def batch(self):
        start = bounded_int(self.request.form.get("b_start"), default=0, low=0, high=10**6)
        return Batch(bulletins_brains(self.context), self.page_size, start)

    def issues(self):
        return [describe(brain.getObject()) for brain in self.batch()]


class LatestBulletinsView(BrowserView):
    """A fragment for the home page: the ``n`` latest issues of the site (3 by default)."""

    def issues(self):
        limit = bounded_int(self.request.form.get("n"), default=3, low=1, high=12)
        return [describe(issue) for issue in latest_bulletins(self.context, limit)]

    def listing_url(self):
        section = self.context.restrictedTraverse(BULLETINS, None)
        return section.absolute_url() if section is not None else None


class BulletinView(BrowserView):
    def issue(self):
        return describe(self.context)


def describe(issue) -> dict:
    url = issue.absolute_url()
    return {
        "title": issue.title,
        "url": url,
        "number": issue.number,
        "date": api.portal.get_localized_time(issue.issue_date.isoformat()),
        "iso_date": issue.issue_date.isoformat(),
        "summary": issue.summary,
        "cover": issue.cover and f"{url}/@@images/cover/thumb",
        "cover_large": issue.cover and f"{url}/@@images/cover/large",
        "pdf": f"{url}/@@download/file/{issue.file.filename}",
        "size_kb": max(1, issue.file.getSize() // 1024),
    }
