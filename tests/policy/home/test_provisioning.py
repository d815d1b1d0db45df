"""The home page at provisioning: set once, then left to the editors."""

from mairie.policy.home.provisioning import HOME_VIEW
from mairie.policy.provisioning import site as provisioning
from plone.app.testing import SITE_OWNER_NAME
from plone.portlets.interfaces import IPortletAssignmentMapping
from plone.portlets.interfaces import IPortletManager
from plone.testing.zope import login
from zope.component import getMultiAdapter
from zope.component import getUtility
from zope.component.hooks import setSite


def right_portlets(site):
    manager = getUtility(IPortletManager, name="plone.rightcolumn", context=site)
    return list(getMultiAdapter((site, manager), IPortletAssignmentMapping))


def test_home_is_the_default_view_and_update_keeps_the_editors_choice(app, demo_profile, agency):
    login(app.acl_users, SITE_OWNER_NAME)
    site = provisioning.create(app, demo_profile, agency)
    try:
        assert site.getLayout() == HOME_VIEW
        assert HOME_VIEW in site.getTypeInfo().view_methods
        assert "events" not in right_portlets(site)
        assert app.restrictedTraverse(f"{site.getId()}/@@{HOME_VIEW}")

        site.setLayout("listing_view")
        provisioning.update(app, demo_profile, agency)
        assert site.getLayout() == "listing_view"
    finally:
        setSite(None)
