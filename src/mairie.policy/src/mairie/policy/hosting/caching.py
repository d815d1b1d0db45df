"""The shared cache's side in Plone: what to purge, and where.

The rules themselves (what may be cached, how long) are registry records of
the profile (profiles/default/registry/caching.xml). Purging is switched on
when the agency file has a ``proxy`` section: every instance then tells
Varnish, at the end of each change, the physical paths to forget.
"""

from Acquisition import aq_parent
from mairie.policy.commune.schema import Agency
from mairie.policy.interfaces import IMairiePolicyLayer
from plone.cachepurging.interfaces import ICachePurgingSettings
from plone.cachepurging.interfaces import IPurgePathRewriter
from Products.CMFCore.interfaces import IContentish
from Products.CMFCore.utils import getToolByName
from z3c.caching.interfaces import IPurgePaths
from zope.component import adapter
from zope.interface import implementer

import re
import requests


class PurgeError(Exception):
    """The cache did not forget a commune: why, for the operator."""


def apply(registry, agency: Agency) -> None:
    """Purge through the agency's cache, or not at all when it has none."""
    settings = registry.forInterface(ICachePurgingSettings)
    proxy = agency.proxy
    settings.enabled = proxy is not None
    settings.cachingProxies = (f"http://{proxy.cache}",) if proxy else ()
    # Paths stay physical (see PhysicalPaths): one purge for every domain.
    settings.virtualHosting = False


def purge_commune(agency: Agency, slug: str) -> bool:
    """Make the agency's cache forget every page of a commune (after a command changed it).

    False when the agency has no cache; PurgeError when the cache cannot be told.
    """
    if agency.proxy is None:
        return False
    url = f"http://{agency.proxy.cache}/{slug}/*"
    try:
        response = requests.request("PURGE", url, timeout=10)
    except requests.RequestException as error:
        raise PurgeError(f"{url}: {error.__class__.__name__}") from None
    if response.status_code != 200:
        raise PurgeError(f"{url}: HTTP {response.status_code}")
    return True


@implementer(IPurgePathRewriter)
@adapter(IMairiePolicyLayer)
class PhysicalPaths:
    """A purged path as the database knows it: /commune/actualites/fete.

    An editor works at the commune's domain, where paths are virtual
    (/actualites/fete); Varnish's rules name each cached page by its physical
    path, whatever domain it was asked for, so one purge reaches them all.
    """

    def __init__(self, request):
        self.request = request

    def __call__(self, path: str) -> list[str]:
        root = "/".join(self.request.get("VirtualRootPhysicalPath") or ())
        return [re.sub("/{2,}", "/", f"/{root}/{path}")]


@implementer(IPurgePaths)
@adapter(IContentish)
class ListingPaths:
    """A change shows on the pages that list it: its folder and the home page."""

    def __init__(self, context):
        self.context = context

    def getRelativePaths(self):
        parent = aq_parent(self.context)
        site = getToolByName(self.context, "portal_url").getPortalObject()
        paths = []
        for container in {id(parent): parent, id(site): site}.values():
            prefix = "/" + container.virtual_url_path()
            paths += [prefix, prefix + "/", prefix + "/view"]
        return paths

    def getAbsolutePaths(self):
        return []
