"""The secret login path and the agency's networks, from the profile to the site."""

from mairie.policy.provisioning import site as provisioning
from plone.app.testing import SITE_OWNER_NAME
from plone.testing.zope import login
from zope.component.hooks import setSite

import requests
import transaction


def test_update_moves_the_login_path(functional, demo_profile, agency):
    app = functional["app"]
    login(app.acl_users, SITE_OWNER_NAME)
    site = provisioning.create(app, demo_profile, agency)
    registry = site.portal_registry
    assert registry["mairie.commune.login_path"] == "espace-agents"
    assert registry["mairie.agency.trusted_proxies"] == ("127.0.0.0/8", "::1/128")
    assert registry["mairie.agency.operator_networks"] == ("127.0.0.0/8", "::1/128")

    moved = demo_profile.model_copy(
        update={"security": demo_profile.security.model_copy(update={"login_path": "acces-49-k7"})}
    )
    provisioning.update(app, moved, agency)
    setSite(None)
    transaction.commit()

    url = f"http://{functional['host']}:{functional['port']}/{site.getId()}"
    page = requests.get(f"{url}/acces-49-k7", timeout=60)
    assert page.status_code == 200
    assert 'name="__ac_password"' in page.text
    assert requests.get(f"{url}/espace-agents", timeout=60).status_code == 404
    assert requests.get(f"{url}/login", timeout=60).status_code == 404
