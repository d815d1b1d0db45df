"""The site root's portlets, settled once so that reading them writes nothing.

plone.portlets creates an assignment's settings the first time a page reads
them: a write during a GET. For an editor, plone.protect then answers every
edit form with « confirm-action » (a write without a CSRF token), and the
write is aborted, so it happens again on the next page. Creating the
settings at provisioning, in a committed transaction, ends that.
"""

from plone.portlets.interfaces import IPortletAssignmentMapping
from plone.portlets.interfaces import IPortletAssignmentSettings
from plone.portlets.interfaces import IPortletManager
from zope.component import getMultiAdapter
from zope.component import getUtilitiesFor


def settle_portlets(site) -> None:
    for _name, manager in getUtilitiesFor(IPortletManager, context=site):
        mapping = getMultiAdapter((site, manager), IPortletAssignmentMapping)
        for assignment in mapping.values():
            IPortletAssignmentSettings(assignment)
