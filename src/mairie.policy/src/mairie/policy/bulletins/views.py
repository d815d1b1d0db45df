"""The bulletin's pages: the issues, one issue, and the latest issues block."""

from .latest import latest_bulletins
from plone import api
from Products.Five.browser import BrowserView


class BulletinsView(BrowserView):
    limit = None

    def issues(self):
        section = self.context
        if section.portal_type != "mairie.Bulletins":
            section = api.portal.get()
        return [_describe(issue) for issue in latest_bulletins(section, self.limit)]


class LatestBulletinsView(BulletinsView):
    """A fragment for the home page: the three latest issues."""

    limit = 3


class BulletinView(BrowserView):
    def issue(self):
        return _describe(self.context)


def _describe(issue) -> dict:
    url = issue.absolute_url()
    return {
        "title": issue.title,
        "url": url,
        "number": issue.number,
        "date": api.portal.get_localized_time(issue.issue_date.isoformat()),
        "summary": issue.summary,
        "cover": issue.cover and f"{url}/@@images/cover/preview",
        "pdf": f"{url}/@@download/file/{issue.file.filename}",
        "size_kb": max(1, issue.file.getSize() // 1024),
    }
