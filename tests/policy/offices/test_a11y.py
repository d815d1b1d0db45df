"""axe-core in headless Chromium on the services page, an office page and the mairie's hours."""

from .annuaire import SERVING_IDS
from browser import axe_violations
from mairie.policy.offices.demo import add_services
from mairie.policy.provisioning import content
from mairie.policy.provisioning import site as provisioning
from mairie.policy.provisioning.demo import load
from plone.app.testing import SITE_OWNER_NAME
from plone.testing.zope import login
from zope.component.hooks import setSite

import transaction


def test_services_pages_have_no_axe_violations(
    functional, demo_profile, agency, page, pytestconfig
):
    app = functional["app"]
    login(app.acl_users, SITE_OWNER_NAME)
    site = provisioning.create(app, demo_profile, agency)
    add_services(
        site, load(pytestconfig.rootpath / "examples/saint-aubin-sur-loire/demo.yaml").services
    )
    setSite(None)
    transaction.commit()

    base = f"http://{functional['host']}:{functional['port']}/saint-aubin-sur-loire"
    found = {}
    for path in (
        content.SERVICES,
        f"{content.SERVICES}/{SERVING_IDS['france_services']}",
        "ma-mairie/horaires-et-contact",
    ):
        response = page.goto(f"{base}/{path}")
        assert response.status == 200, path
        found[path] = axe_violations(page, include="#content")
    assert found == {path: [] for path in found}
