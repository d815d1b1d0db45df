"""« Conformité de la commune » over HTTP and in Chromium; the consent crawl."""

from browser import logged_in
from freezegun import freeze_time
from mairie.policy.accounts.settings import settings
from mairie.policy.conformity.checks import record_crawl
from mairie.policy.conformity.crawl import PATHS
from mairie.policy.conformity.crawl import third_party_requests
from mairie.policy.provisioning import demo
from mairie.policy.provisioning import site as provisioning
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.testing.zope import login
from zope.component.hooks import setSite

import pytest
import requests
import transaction


pytestmark = pytest.mark.browser
PASSWORD = "cheval agrafe batterie correcte 42"
ADMINISTRATOR = ("secretaire", PASSWORD)
EDITOR = ("redactrice", PASSWORD)


@pytest.fixture
def served(functional, demo_profile, agency, demo_profile_file):
    """The demo commune with its demo content, served at localhost (themed)."""
    app = functional["app"]
    login(app.acl_users, SITE_OWNER_NAME)
    with freeze_time("2026-12-04 10:00:00"):
        site = provisioning.create(
            app, demo_profile, agency, demo.load(demo_profile_file.parent / "demo.yaml")
        )
    with api.env.adopt_roles(["Manager"]):
        for (name, _password), group in (
            (ADMINISTRATOR, "administrateurs-commune"),
            (EDITOR, "redacteurs"),
        ):
            api.user.create(username=name, email=f"{name}@example.net", password=PASSWORD)
            api.group.add_user(groupname=group, username=name)
        settings().totp_required_roles = ()  # the second factor is tested with the accounts
    setSite(None)
    transaction.commit()
    return site, f"http://{functional['host']}:{functional['port']}/{site.getId()}"


def test_the_crawl_finds_no_third_party_request_on_the_demo(served):
    site, url = served
    pages, third_party = third_party_requests(url)
    assert pages == [f"{url}/{path}" for path in PATHS]
    assert third_party == []


def test_the_crawl_sees_a_request_to_another_site(httpserver):
    other = f"http://127.0.0.1:{httpserver.port}/pixel.png"
    httpserver.expect_request("/").respond_with_data(
        f'<!doctype html><html lang="fr"><title>t</title><img src="{other}" alt=""></html>',
        content_type="text/html",
    )
    httpserver.expect_request("/pixel.png").respond_with_data(b"", content_type="image/png")
    base = f"http://localhost:{httpserver.port}"
    assert third_party_requests(base, paths=("",))[1] == [other]
    # The commune's Matomo, exempt from consent in the CNIL's mode, is not counted.
    assert (
        third_party_requests(base, exempt=(f"127.0.0.1:{httpserver.port}",), paths=("",))[1] == []
    )


def test_the_page_for_the_communes_administrators(served, chromium):
    site, url = served
    setSite(site)
    record_crawl(site, [url], [])
    setSite(None)
    transaction.commit()
    page = requests.get(f"{url}/@@conformite", auth=ADMINISTRATOR, timeout=60)
    assert page.status_code == 200
    assert "Conformité de la commune" in page.text
    for words in ("Mentions légales", "Rempli", "À faire par la commune", "LCEN"):
        assert words in page.text
    refused = requests.get(f"{url}/@@conformite", auth=EDITOR, timeout=60, allow_redirects=False)
    assert "Conformité de la commune" not in refused.text
    overview = requests.get(f"{url}/@@overview-controlpanel", auth=ADMINISTRATOR, timeout=60)
    assert f"{url}/@@conformite" in overview.text
    with logged_in(chromium, *ADMINISTRATOR) as browser:
        browser.set_viewport_size({"width": 375, "height": 800})
        browser.goto(f"{url}/@@conformite")
        assert browser.evaluate("document.documentElement.scrollWidth") <= 375
        browser.screenshot(path="var/screenshots/conformite-375.png", full_page=True)
