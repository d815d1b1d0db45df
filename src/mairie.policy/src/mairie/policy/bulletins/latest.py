"""The issues of the bulletin, newest first (by issue date, kept in the effective date)."""

from plone import api


def bulletins_brains(context):
    """Catalog results for the issues under context, newest first, as the visitor may see them."""
    return api.portal.get_tool("portal_catalog")(
        portal_type="mairie.Bulletin",
        path="/".join(context.getPhysicalPath()),
        sort_on="effective",
        sort_order="descending",
    )


def latest_bulletins(context, limit=3):
    """The ``limit`` latest issues under context (all of them when limit is None)."""
    brains = bulletins_brains(context)
    if limit is not None:
        brains = brains[:limit]
    return [brain.getObject() for brain in brains]
