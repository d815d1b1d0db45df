"""Which blocks the home page shows, in which order: the template's, then the editor's."""

from .settings import home_settings
from mairie.policy import _
from mairie.policy.interfaces import ICommuneSettings
from mairie.themes.catalog import BLOCKS
from mairie.themes.catalog import templates
from plone.registry.interfaces import IRegistry
from zope.component import getUtility


BLOCK_TITLES = {
    "quick-access": _("block_quick_access", default="Quick access"),
    "news": _("block_news", default="Latest news"),
    "agenda": _("block_agenda", default="Upcoming events"),
    "bulletin": _("block_bulletin", default="Latest bulletin"),
    "hours": _("block_hours", default="Town hall opening hours"),
    "council": _("block_council", default="Council and acts"),
    "services": _("block_services", default="Public services"),
}


def current_template():
    """The commune's template, or None (a site provisioning did not make)."""
    template_id = (
        getUtility(IRegistry).forInterface(ICommuneSettings, prefix="mairie.commune").template
    )
    return templates().get(template_id)


def template_order() -> tuple[str, ...]:
    template = current_template()
    return _complete(template.blocks if template else BLOCKS)


def ordered_blocks() -> tuple[str, ...]:
    """Every block: the editor's order if chosen, else the template's."""
    return _complete(home_settings().blocks or template_order())


def visible_blocks() -> tuple[str, ...]:
    hidden = set(home_settings().hidden)
    return tuple(block for block in ordered_blocks() if block not in hidden)


def moved(order, block: str, step: int) -> tuple[str, ...]:
    """``order`` with ``block`` moved one place up (-1) or down (+1), when it can move."""
    order = list(order)
    position = order.index(block)
    target = position + step
    if 0 <= target < len(order):
        order[position], order[target] = order[target], order[position]
    return tuple(order)


def check_blocks(names) -> list:
    """Messages for block names that are unknown or given twice (empty: all good)."""
    errors = []
    seen = set()
    for name in names:
        if name not in BLOCKS:
            errors.append(
                _(
                    "home_error_unknown_block",
                    default="Unknown block “${name}”.",
                    mapping={"name": name},
                )
            )
        elif name in seen:
            errors.append(
                _(
                    "home_error_duplicate_block",
                    default="The block “${name}” is given twice.",
                    mapping={"name": name},
                )
            )
        seen.add(name)
    return errors


def _complete(order) -> tuple[str, ...]:
    """The known blocks of ``order``, then any block it leaves out, in the catalogue's order."""
    known = [block for block in dict.fromkeys(order) if block in BLOCKS]
    return tuple(known + [block for block in BLOCKS if block not in known])
