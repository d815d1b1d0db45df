"""The Content-Security-Policy breaks nothing on the demo commune, in headless Chromium.

Every violation is reported by the browser (``securitypolicyviolation``
events and console errors); nothing leaves the machine.
"""

from mairie.policy.provisioning import content
from mairie.policy.provisioning import site as provisioning
from mairie.policy.provisioning.demo import load
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import login
from zope.component.hooks import setSite

import base64
import pytest
import re
import transaction


DEMO_CONTENT = "examples/saint-aubin-sur-loire/demo.yaml"
TILE = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
BACK_OFFICE = (
    "folder_contents",
    "@@overview-controlpanel",
    "@@site-controlpanel",
    "++add++Document",
    "manage_main",
)
WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__csp.push(event.violatedDirective + " " + event.blockedURI);
});
"""

INJECT = """() => {
  const script = document.createElement("script");
  script.textContent = "window.__ran = true";
  document.head.appendChild(script);
  return window.__ran === true;
}"""


@pytest.fixture
def commune(functional, demo_profile, agency, pytestconfig):
    app = functional["app"]
    login(app.acl_users, SITE_OWNER_NAME)
    site = provisioning.create(
        app, demo_profile, agency, load(pytestconfig.rootpath / DEMO_CONTENT)
    )
    news = site.unrestrictedTraverse(content.NEWS)
    news_item = next(item for item in news.objectValues() if item.portal_type == "News Item")
    paths = {"news_item": "/".join(news_item.getPhysicalPath()[2:])}
    setSite(None)
    transaction.commit()
    return f"http://{functional['host']}:{functional['port']}/{site.getId()}", paths


def watched(browser_context):
    page = browser_context.new_page()
    console = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.add_init_script(WATCH)
    page.route(re.compile(r"^https?://(?!localhost|127\.0\.0\.1)"), lambda route: route.abort())
    page.route(
        "https://tile.openstreetmap.org/**",
        lambda route: route.fulfill(status=200, content_type="image/png", body=TILE),
    )
    return page, console


def violations(page, console) -> list[str]:
    return page.evaluate("window.__csp") + console


def test_public_pages_have_no_violation(commune, chromium):
    url, paths = commune
    context = chromium.new_context(locale="fr-FR", timezone_id="Europe/Paris")
    page, console = watched(context)
    for path in ("", paths["news_item"], "vivre-a/annuaire"):
        response = page.goto(f"{url}/{path}")
        assert response.status == 200
        assert response.headers["content-security-policy"]
        page.wait_for_load_state("networkidle")
        assert violations(page, console) == [], path
    # After consent, the map's third-party tiles load under the policy too.
    page.get_by_role("button", name="Tout accepter").first.click()
    page.wait_for_selector(".leaflet-tile-loaded")
    assert violations(page, console) == []
    # An injected inline script does not run, and the watch sees it.
    assert page.evaluate(INJECT) is False
    page.wait_for_function("window.__csp.length > 0")
    assert page.evaluate("window.__csp")[0].startswith("script-src")
    context.close()


def test_the_editor_works_under_the_policy(commune, chromium):
    url, _paths = commune
    token = base64.b64encode(f"{SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}".encode()).decode()
    context = chromium.new_context(
        locale="fr-FR",
        timezone_id="Europe/Paris",
        extra_http_headers={"Authorization": f"Basic {token}"},
    )
    page, console = watched(context)
    response = page.goto(f"{url}/mentions-legales/edit")
    assert response.status == 200
    page.wait_for_selector(".tox-tinymce", timeout=30_000)
    page.wait_for_load_state("networkidle")
    assert violations(page, console) == []
    for path in BACK_OFFICE:
        response = page.goto(f"{url}/{path}")
        assert response.status == 200, path
        page.wait_for_load_state("networkidle")
        assert violations(page, console) == [], path
    context.close()
