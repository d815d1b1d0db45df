"""The page of a public office, and the page listing the local public services."""

from .jsonld import government_office
from .jsonld import script_text
from .kinds import KINDS
from mairie.policy.provisioning.content import SERVICES
from mairie.policy.querystring import bounded_int
from plone import api
from Products.Five.browser import BrowserView
from zope.component import getMultiAdapter


class OfficeView(BrowserView):
    def office(self) -> dict:
        return describe(self.context, self.request)

    def jsonld(self) -> str:
        return script_text(government_office(self.context))


class ServicesView(BrowserView):
    """The published offices of this folder, grouped by kind in the vocabulary's order."""

    def groups(self) -> list[dict]:
        brains = api.content.find(
            context=self.context,
            portal_type="mairie.PublicOffice",
            review_state="published",
            sort_on="sortable_title",
        )
        by_kind = {}
        for brain in brains:
            office = brain.getObject()
            by_kind.setdefault(office.kind, []).append(describe(office, self.request))
        return [
            {"kind": title, "offices": by_kind[kind]}
            for kind, title in KINDS.items()
            if kind in by_kind
        ]


class NearbyServicesView(BrowserView):
    """A fragment for the home page: a few local public services and the link to all of them."""

    def folder(self):
        return self.context.restrictedTraverse(SERVICES, None)

    def offices(self) -> list[dict]:
        folder = self.folder()
        if folder is None:
            return []
        limit = bounded_int(self.request.form.get("n"), default=3, low=1, high=12)
        brains = api.content.find(
            context=folder,
            portal_type="mairie.PublicOffice",
            review_state="published",
            sort_on="sortable_title",
            sort_limit=limit,
        )[:limit]
        return [describe(brain.getObject(), self.request) for brain in brains]


def describe(office, request) -> dict:
    hours = getMultiAdapter((office, request), name="horaires")
    return {
        "title": office.title,
        "url": office.absolute_url(),
        "kind": KINDS.get(office.kind),
        "street": office.street,
        "postal_code": office.postal_code,
        "city": office.city,
        "phone": office.phone,
        "phone_uri": "tel:" + "".join(c for c in office.phone or "" if c.isdigit() or c == "+"),
        "email": office.email,
        "website": office.website,
        "service_public_url": office.service_public_url,
        "hours_note": office.hours_note,
        "status": hours.status() if hours.has_hours() else None,
    }
