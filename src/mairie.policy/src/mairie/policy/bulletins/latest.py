"""The latest issues of the bulletin, newest first."""

from plone import api


def latest_bulletins(context, limit=None):
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog(
        portal_type="mairie.Bulletin",
        path="/".join(context.getPhysicalPath()),
        sort_on="effective",
        sort_order="descending",
    )
    return [brain.getObject() for brain in brains[:limit]]
