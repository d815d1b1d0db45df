"""The demo commune's alerts, as a visitor sees them on the demo's date."""

from .clock import paris
from freezegun import freeze_time
from mairie.policy.provisioning import site as provisioning
from mairie.policy.provisioning.demo import load
from plone.app.testing import SITE_OWNER_NAME
from plone.testing.zope import login
from zope.component.hooks import setSite

import lxml.html
import requests
import transaction


def test_demo_alerts_on_the_home_page(functional, demo_profile, agency, demo_profile_file):
    app = functional["app"]
    login(app.acl_users, SITE_OWNER_NAME)
    demo = load(demo_profile_file.parent / "demo.yaml")
    site = provisioning.create(app, demo_profile, agency, demo)
    assert site["alertes"].exclude_from_nav
    url = site.absolute_url()
    setSite(None)
    transaction.commit()

    with freeze_time(paris(2026, 11, 26, 12), tick=True):
        page = lxml.html.fromstring(requests.get(url, timeout=60).text)
    important, information = page.cssselect("[data-mairie-alert]")
    assert "Coupure d'eau" in important.text_content()
    assert "mairie-alert-important" in important.get("class")
    (link,) = information.cssselect("a")
    assert requests.get(link.get("href"), timeout=60).status_code == 200
    with freeze_time(paris(2026, 12, 20, 12), tick=True):
        page = lxml.html.fromstring(requests.get(url, timeout=60).text)
    assert len(page.cssselect("[data-mairie-alert]")) == 1  # the water is back
