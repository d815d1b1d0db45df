"""axe-core in headless Chromium on the municipal life pages of the demo.

Only the content area is checked here: the pages' frame (header, menus,
footer) belongs to the templates, checked whole by the themes' tests.
"""

from browser import axe_violations
from mairie.policy.provisioning import site as provisioning
from mairie.policy.provisioning.demo import load
from plone.app.testing import SITE_OWNER_NAME
from plone.testing.zope import login
from zope.component.hooks import setSite

import transaction


DEMO_CONTENT = "examples/saint-aubin-sur-loire/demo.yaml"
PAGES = (
    "vie-municipale/conseil-municipal",
    "vie-municipale/conseil-municipal/@@liste-des-elus",
    "vie-municipale/seances",
    "vie-municipale/actes",
    "vie-municipale/actes?nature=deliberation&year=2026",
    "vie-municipale/bulletins",
    "vie-municipale/bulletins/bulletin-42",
)


def test_municipal_life_pages_have_no_axe_violations(
    functional, demo_profile, agency, page, pytestconfig
):
    app = functional["app"]
    login(app.acl_users, SITE_OWNER_NAME)
    site = provisioning.create(
        app, demo_profile, agency, load(pytestconfig.rootpath / DEMO_CONTENT)
    )
    life = site["vie-municipale"]
    items = [
        next(item for item in life[folder].objectValues() if item.portal_type == type_)
        for folder, type_ in (
            ("conseil-municipal", "mairie.CouncilMember"),
            ("seances", "mairie.CouncilSession"),
            ("actes", "mairie.Act"),
        )
    ]
    paths = [*PAGES, *("/".join(item.getPhysicalPath()[2:]) for item in items)]
    setSite(None)
    transaction.commit()

    base = f"http://{functional['host']}:{functional['port']}/saint-aubin-sur-loire"
    found = {}
    for path in paths:
        response = page.goto(f"{base}/{path}")
        assert response.status == 200, path
        found[path] = axe_violations(page, include="#content")
    assert found == {path: [] for path in found}
