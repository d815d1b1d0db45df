"""One alert's own page, for editors and visitors who follow a link to it."""

from .content import LEVELS
from .content import link_url
from plone import api
from Products.Five.browser import BrowserView


class AlertView(BrowserView):
    def link(self):
        return link_url(
            self.context.link, api.portal.get_navigation_root(self.context).absolute_url()
        )

    def level(self):
        return LEVELS.getTerm(self.context.level).title

    def period(self) -> dict:
        return {
            name: api.portal.get_localized_time(getattr(self.context, name), long_format=True)
            for name in ("start", "end")
        }
