"""The page of a refused address: a short explanation, and no login form."""

from plone.base.interfaces import IPloneSiteRoot
from Products.Five.browser import BrowserView
from zope.component.hooks import getSite


class RefusedView(BrowserView):
    """The exception view of ``IBackOfficeRefused``: HTTP 403, never cached."""

    def __call__(self):
        response = self.request.response
        response.setStatus(403)
        response.setHeader("Cache-Control", "no-store")
        return self.index()

    def home_url(self) -> str:
        site = getSite()
        return site.absolute_url() if IPloneSiteRoot.providedBy(site) else "/"
