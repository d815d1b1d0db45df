"""The latest news items and the next events of a site, as a visitor may see them."""

from plone import api
from plone.app.event.base import get_events
from plone.app.event.base import localized_now
from plone.app.event.base import RET_MODE_ACCESSORS


def latest_news(context, limit: int) -> list:
    """Catalog results: the ``limit`` latest published news items under context."""
    return api.portal.get_tool("portal_catalog")(
        portal_type="News Item",
        review_state="published",
        path="/".join(context.getPhysicalPath()),
        sort_on="effective",
        sort_order="descending",
        sort_limit=limit,
    )[:limit]


def news_brains(folder) -> list:
    """Catalog results: every news item of ``folder`` the user may see, newest first.

    Drafts have no publication date: they come last, by creation.
    """
    return api.portal.get_tool("portal_catalog")(
        portal_type="News Item",
        path={"query": "/".join(folder.getPhysicalPath()), "depth": 1},
        sort_on=("effective", "created"),
        sort_order=("descending", "descending"),
    )


def next_events(context, limit: int) -> list:
    """Event accessors: the ``limit`` next published events under context (recurrences expanded).

    Events under way are included: they are still worth going to.
    """
    return get_events(
        context,
        start=localized_now(context),
        ret_mode=RET_MODE_ACCESSORS,
        expand=True,
        limit=limit,
        review_state="published",
        path="/".join(context.getPhysicalPath()),
    )
