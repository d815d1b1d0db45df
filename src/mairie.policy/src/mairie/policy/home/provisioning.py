"""The home page at provisioning: ``@@accueil`` becomes the site's default view, once."""

from .settings import IHomeSettings
from .settings import PREFIX
from plone.portlets.interfaces import IPortletAssignmentMapping
from plone.portlets.interfaces import IPortletManager
from plone.registry.interfaces import IRegistry
from Products.CMFCore.utils import getToolByName
from zope.annotation.interfaces import IAnnotations
from zope.component import getMultiAdapter
from zope.component import getUtility


HOME_VIEW = "accueil"
DONE = "mairie.policy.home"
# plone.app.event's portlet on the site root: the home's agenda block replaces it.
EVENTS_PORTLET = ("plone.rightcolumn", "events")


def ensure_home(site) -> None:
    """Set the home page up; later runs leave the editors' choices (view, portlets) alone."""
    # Sites created before the home page existed get its settings (existing values are kept).
    getUtility(IRegistry, context=site).registerInterface(IHomeSettings, prefix=PREFIX)
    # Offered in the site root's "Display" menu, so that an editor can come back to it.
    fti = getToolByName(site, "portal_types")[site.portal_type]
    if HOME_VIEW not in fti.view_methods:
        fti.view_methods = (*fti.view_methods, HOME_VIEW)
    annotations = IAnnotations(site)
    if annotations.get(DONE):
        return
    site.setLayout(HOME_VIEW)
    manager_name, portlet = EVENTS_PORTLET
    manager = getUtility(IPortletManager, name=manager_name, context=site)
    assignments = getMultiAdapter((site, manager), IPortletAssignmentMapping)
    if portlet in assignments:
        del assignments[portlet]
    annotations[DONE] = True
