"""Profile 1003: « Actualités » newest first, with dates."""

from mairie.policy import logger
from mairie.policy.provisioning.content import NEWS
from mairie.policy.provisioning.content import NEWS_VIEW


# The view release 1.0 gave the folder: folder order, no dates.
OLD_NEWS_VIEW = "summary_view"


def news_newest_first(context):
    """The news folder gets the dated listing, unless an editor chose another view."""
    site = context.aq_parent
    folder = site.get(NEWS)
    if folder is None:
        return
    layout = folder.getLayout()
    if layout == OLD_NEWS_VIEW:
        folder.setLayout(NEWS_VIEW)
    elif layout != NEWS_VIEW:
        logger.info(
            "« Actualités » garde la vue choisie par un rédacteur (%s) : la liste datée, "
            "la plus récente en tête, est la vue « %s ».",
            layout,
            NEWS_VIEW,
        )
