"""Profile 1006: the accessibility statement after the DINUM's model."""

from mairie.policy import _
from mairie.policy import logger
from mairie.policy.legal.plans import ensure_plan_pages
from mairie.policy.legal.provisioning import ACCESSIBILITY
from mairie.policy.legal.provisioning import PAGES
from mairie.policy.legal.texts import in_language


# The page's title as release 1.0 wrote it.
FORMER_TITLE = _("legal_page_accessibility", default="Accessibility")


def accessibility_statement_after_the_dinum_model(context):
    """The pages the statement now links to; its title, unless an editor chose another.

    The statement's text needs the commune profile (the audit's details): the next
    ``mairie update`` rewrites it, as it does for a page nobody edited.
    """
    site = context.aq_parent
    ensure_plan_pages(site)
    page = site.get(ACCESSIBILITY)
    if page is None:
        return
    if page.Title() == in_language(FORMER_TITLE):
        page.setTitle(in_language(PAGES[0].title))
        page.reindexObject()
    else:
        logger.info("« %s » garde le titre choisi par un rédacteur.", page.Title())
