"""The data migration of 1001 → 1002."""

from plone import api


def move_legacy_subtitle(setup) -> None:
    site = api.portal.get()
    for brain in api.content.find(context=site, portal_type="News Item"):
        item = brain.getObject()
        subtitle = item.__dict__.pop("legacy_subtitle", None)
        if subtitle is not None and not item.description:
            item.description = subtitle
            item.reindexObject(idxs=["Description"])
        if getattr(site, "upgrade_breaks", False):
            # After a write: the rollback must undo it.
            raise ValueError("sous-titre illisible")
