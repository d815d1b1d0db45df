"""The demo commune's home page over HTTP, in French."""

from mairie.policy.provisioning import site as provisioning
from plone.app.testing import SITE_OWNER_NAME
from plone.testing.zope import login
from zope.component.hooks import setSite

import requests
import transaction


def test_demo_home_page_in_french(functional, demo_profile, agency):
    app = functional["app"]
    login(app.acl_users, SITE_OWNER_NAME)
    provisioning.create(app, demo_profile, agency)
    setSite(None)
    transaction.commit()

    host, port = functional["host"], functional["port"]
    response = requests.get(f"http://{host}:{port}/saint-aubin-sur-loire", timeout=60)
    assert response.status_code == 200
    page = response.text
    assert 'lang="fr"' in page
    assert "<title>Mairie de Saint-Aubin-sur-Loire</title>" in page
    assert "Actualités" in page  # the navigation, in French
    assert "Rechercher" in page  # Plone's own UI, from plone.app.locales
