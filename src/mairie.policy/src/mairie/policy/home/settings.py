"""The home page's composition as the editor sets it (registry, prefix ``mairie.home``).

Empty values mean "not chosen": the template's order, no hidden block, the
quick-access tiles generated from the site's own pages.
"""

from mairie.policy import _
from plone.registry.interfaces import IRegistry
from plone.schema import JSONField
from zope import schema
from zope.component import getUtility
from zope.interface import Interface

import json


PREFIX = "mairie.home"

TILES_SCHEMA = json.dumps(
    {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "title": {"type": "string"},
                "url": {"type": "string"},
                "icon": {"type": "string"},
            },
            "required": ["title", "url"],
        },
    }
)


class IHomeSettings(Interface):
    blocks = schema.Tuple(
        title=_("home_blocks", default="Order of the blocks"),
        value_type=schema.ASCIILine(),
        required=False,
        default=(),
    )
    hidden = schema.Tuple(
        title=_("home_hidden", default="Hidden blocks"),
        value_type=schema.ASCIILine(),
        required=False,
        default=(),
    )
    tiles = JSONField(
        title=_("home_tiles", default="Quick-access tiles"),
        schema=TILES_SCHEMA,
        required=False,
        default=[],
    )


def home_settings():
    return getUtility(IRegistry).forInterface(IHomeSettings, prefix=PREFIX)
