"""The alerts in force, read from the catalog alone: the banner runs on every page."""

from .content import IAlert
from .content import SEVERITY
from DateTime import DateTime
from plone import api
from plone.indexer import indexer


COLUMN = "mairie_alert"


@indexer(IAlert)
def alert_summary(alert):
    """What the banner shows, kept in one metadata column so that no page loads an alert."""
    return {
        "level": alert.level,
        "message": alert.message,
        "link": alert.link,
        "link_text": alert.link_text,
    }


def active_alerts(context) -> list:
    """The published alerts in force now under the navigation root, most severe then newest first.

    The dates are checked for everyone, editors included: they see what visitors see.
    """
    root = api.portal.get_navigation_root(context)
    brains = api.portal.get_tool("portal_catalog")(
        portal_type="mairie.Alert",
        review_state="published",
        effectiveRange=DateTime(),
        path="/".join(root.getPhysicalPath()),
        sort_on="effective",
        sort_order="descending",
    )
    return sorted(
        (brain for brain in brains if getattr(brain, COLUMN, None)),
        key=lambda brain: -SEVERITY.get(getattr(brain, COLUMN)["level"], 0),
    )
