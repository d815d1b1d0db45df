"""Profile 1004: each section offers only the types that belong in it."""

from mairie.policy import logger
from mairie.policy.provisioning.content import ensure_allowed_types


def sections_offer_their_own_types(context):
    """The sections' add menus as provisioning now sets them; an editor's own choice stays."""
    for path in ensure_allowed_types(context.aq_parent):
        logger.info(
            "« %s » garde les types de contenu choisis par un rédacteur "
            "(Ajout d'un élément › Restrictions…).",
            path,
        )
