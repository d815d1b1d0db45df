"""Searching the directory: filters from the query string, and the results.

Views only call these functions.
"""

from .categories import CATEGORIES
from plone import api
from plone.base.utils import munge_search_term
from Products.ZCTextIndex.ParseTree import ParseError


class Filters:
    """The directory's filters, read from a request's form and checked.

    An unknown category is dropped (and remembered, so the page can say so):
    a hand-edited or outdated link gives every entry, not an error page.
    """

    def __init__(self, category=None, text=None):
        category = (category or "").strip()
        self.category = category if category in CATEGORIES else None
        self.unknown_category = category[:60] if category and self.category is None else None
        self.text = (text or "").strip()[:200]

    @classmethod
    def from_form(cls, form):
        def one(name):
            value = form.get(name)
            if isinstance(value, (list, tuple)):
                value = value[0] if value else None
            return value if isinstance(value, str) else None

        return cls(one("category"), one("text"))

    def query(self):
        query = {}
        if self.category:
            query["directory_category"] = self.category
        if self.text:
            query["SearchableText"] = munge_search_term(self.text)
        return query

    def __bool__(self):
        return bool(self.category or self.text)


def search(directory, filters=None):
    """Catalog brains of the entries the visitor may see, by category then title."""
    query = {
        "portal_type": "mairie.DirectoryEntry",
        "path": "/".join(directory.getPhysicalPath()),
        "sort_on": "directory_sort",
    }
    if filters is not None:
        query.update(filters.query())
    try:
        return api.portal.get_tool("portal_catalog").searchResults(**query)
    except ParseError:
        # Words the text index cannot parse (a lone quote or bracket) match
        # nothing, as in Plone's own search.
        return []
