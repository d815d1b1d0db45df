"""Audience measurement exempt from consent: the commune's Matomo in the CNIL's exempt mode.

The CNIL exempts audience measurement from consent when it is strictly
limited to the site's own statistics: no cookie lasting more than 13 months
(here, none at all: ``disableCookies``), no cross-site tracking or user id,
no combination with other data, and addresses anonymised. The last one is a
setting of the Matomo server (Privacy › Anonymise data: two bytes), which the
agency sets on its instance. Nothing is asked of the visitor, so the tracker
is not a tarteaucitron service.
"""

from mairie.policy.directory.geomap import script_json
from mairie.policy.interfaces import ICspSources
from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import urlsplit
from zope.interface import implementer


def tracker(registry_get=api.portal.get_registry_record) -> dict | None:
    """The Matomo address (ending with /) and site id, or None when not configured."""
    url = registry_get("mairie.commune.matomo_url", default="") or ""
    site_id = registry_get("mairie.commune.matomo_site_id", default=0) or 0
    if not url or site_id < 1:
        return None
    return {"url": url.rstrip("/") + "/", "siteId": site_id}


class MatomoViewlet(ViewletBase):
    index = ViewPageTemplateFile("templates/matomo.pt")

    def update(self):
        super().update()
        found = tracker()
        self.config = script_json(found) if found else None
        self.script = f"{self.site_url}/++resource++mairie.consent/matomo.js"

    def render(self):
        return self.index() if self.config else ""


@implementer(ICspSources)
class MatomoSources:
    """The tracker's script and its hits, for the Content-Security-Policy (headers/csp.py)."""

    def sources(self, registry):
        found = tracker(lambda name, default: registry.get(name, default))
        if found is None:
            return {}
        parts = urlsplit(found["url"])
        origin = f"{parts.scheme}://{parts.netloc}"
        return {name: [origin] for name in ("script-src", "img-src", "connect-src")}
