"""The directory's pages: the list with its filters and map, and one entry."""

from . import geomap
from .categories import CATEGORIES
from .search import Filters
from .search import search
from Acquisition import aq_inner
from Acquisition import aq_parent
from mairie.policy.querystring import bounded_int
from plone.base.batch import Batch
from plone.memoize.instance import memoize
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import urlencode

import re


class MapView(BrowserView):
    """What both pages share: the map after the content, and its resources."""

    page_macros = ViewPageTemplateFile("templates/macros.pt")

    @memoize
    def map_data(self):
        return geomap.map_json(self.markers(), self.request)

    def map_resources(self):
        return geomap.resources()


class DirectoryView(MapView):
    """The directory: entries by category, a text search, the map of what is found."""

    page_size = 20

    def __call__(self):
        self.filters = Filters.from_form(self.request.form)
        return self.index()

    @memoize
    def results(self):
        return search(self.context, self.filters)

    def categories(self):
        return list(CATEGORIES)

    @memoize
    def batch(self):
        start = bounded_int(self.request.form.get("b_start"), default=0, low=0, high=10**6)
        return Batch(self.results(), self.page_size, start)

    def groups(self):
        """The entries of this page, under their category."""
        groups = []
        for brain in self.batch():
            entry = brain.getObject()
            if not groups or groups[-1]["category"] != entry.category:
                groups.append(
                    {
                        "category": entry.category,
                        "title": category_title(entry.category),
                        "entries": [],
                    }
                )
            groups[-1]["entries"].append(describe(entry))
        return groups

    def markers(self):
        return [geomap.brain_marker(brain) for brain in self.results()]


class EntryView(MapView):
    def entry(self):
        return describe(self.context)

    def category_url(self):
        """The directory, filtered on this entry's category."""
        directory = aq_parent(aq_inner(self.context))
        return f"{directory.absolute_url()}?{urlencode({'category': self.context.category})}"

    def markers(self):
        return [geomap.entry_marker(self.context)]


def category_title(category):
    term = CATEGORIES.by_value.get(category)
    return term.title if term else category


def describe(entry) -> dict:
    phone = entry.phone or ""
    return {
        "title": entry.title,
        "url": entry.absolute_url(),
        "description": entry.description,
        "category": category_title(entry.category),
        "street": entry.street,
        "town": " ".join(part for part in (entry.postal_code, entry.city) if part),
        "phone": phone,
        "phone_href": "tel:" + re.sub(r"[^\d+]", "", phone) if phone else None,
        "email": entry.email,
        "website": entry.website,
        "contact_person": entry.contact_person,
    }
