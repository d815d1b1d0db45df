"""The commune's robots.txt: the value our profile stores in ``plone.robots_txt``."""

from lxml import etree
from pathlib import Path
from plone.base.interfaces.controlpanel import ROBOTS_TXT as PLONE_ROBOTS_TXT
from plone.registry.interfaces import IRegistry
from zope.component import getUtility


RECORD = "plone.robots_txt"
PROFILE_REGISTRY = Path(__file__).parent.parent / "profiles" / "default" / "registry" / "plone.xml"


def robots_txt() -> str:
    """The value the default profile declares (one place for it: the registry XML)."""
    tree = etree.parse(str(PROFILE_REGISTRY))
    [value] = tree.xpath(f"//record[@name='{RECORD}']/value/text()")
    return value


def adopt_robots_txt(context=None) -> bool:
    """Plone's default robots.txt becomes ours; one an editor changed is left alone.

    The upgrade step of profile 1002 (``context``: the setup tool).
    """
    registry = context.portal_registry if context is not None else getUtility(IRegistry)
    if registry.get(RECORD) != PLONE_ROBOTS_TXT:
        return False
    registry[RECORD] = robots_txt()
    return True
