"""Catalog indexers of directory entries (declared in profiles/default/catalog.xml)."""

from .categories import CATEGORIES
from .categories import position
from .content import IDirectoryEntry
from plone import api
from plone.indexer import indexer
from Products.CMFPlone.CatalogTool import sortable_title
from zope.i18n import translate


@indexer(IDirectoryEntry)
def directory_category(obj):
    return obj.category


@indexer(IDirectoryEntry)
def directory_sort(obj):
    """By category in the vocabulary's order, then by title."""
    return f"{position(obj.category):02d} {sortable_title(obj)()}"


@indexer(IDirectoryEntry)
def directory_location(obj):
    """(latitude, longitude, address) for the map, without waking each entry; or None."""
    coordinates = obj.coordinates()
    return (*coordinates, obj.address()) if coordinates else None


@indexer(IDirectoryEntry)
def directory_searchable_text(obj):
    category = CATEGORIES.by_value.get(obj.category)
    parts = (
        obj.title,
        obj.description,
        category and translate(category.title, target_language=api.portal.get_default_language()),
        obj.street,
        obj.postal_code,
        obj.city,
        obj.contact_person,
    )
    return " ".join(part for part in parts if part)
