"""The directory of a new commune, and the demo's entries on the page and on the map.

The map is drawn in headless Chromium with the Leaflet built by `make install`;
tile requests never leave the machine (answered by the test itself).
"""

from browser import axe_violations
from browser import choose_cookies
from mairie.policy.provisioning import content
from mairie.policy.provisioning import site as provisioning
from mairie.policy.provisioning.demo import load
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.testing.zope import login
from zope.component.hooks import setSite

import base64
import pytest
import re
import transaction


DEMO_CONTENT = "examples/saint-aubin-sur-loire/demo.yaml"
# A 1×1 transparent PNG, for every tile the map asks for.
TILE = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


@pytest.fixture
def commune(functional, demo_profile, agency, pytestconfig):
    app = functional["app"]
    login(app.acl_users, SITE_OWNER_NAME)
    site = provisioning.create(
        app, demo_profile, agency, load(pytestconfig.rootpath / DEMO_CONTENT)
    )
    directory = site.unrestrictedTraverse(content.DIRECTORY)
    facts = {
        "type": directory.portal_type,
        "state": api.content.get_state(directory),
        "entries": [
            (entry.title, api.content.get_state(entry), entry.coordinates() is not None)
            for entry in directory.objectValues()
        ],
        "tiles": api.portal.get_registry_record("mairie.commune.map_tiles"),
    }
    setSite(None)
    transaction.commit()
    return f"http://{functional['host']}:{functional['port']}/{site.getId()}", facts


def test_the_commune_has_a_published_directory_with_the_demo_entries(commune):
    _url, facts = commune
    assert (facts["type"], facts["state"]) == ("mairie.Directory", "published")
    assert len(facts["entries"]) == 15
    assert all(state == "published" for _title, state, _located in facts["entries"])
    located = [title for title, _state, has_coordinates in facts["entries"] if has_coordinates]
    assert len(located) == 14 and "Les Amis de la Loire" not in located
    assert facts["tiles"] == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"


def test_the_map_draws_the_entries_and_the_pages_pass_axe(commune, page):
    url, _facts = commune
    tiles = []

    def tile(route):
        tiles.append(route.request.url)
        route.fulfill(status=200, content_type="image/png", body=TILE)

    # Nothing leaves the machine; the last route added is tried first.
    page.route(re.compile(r"^https?://(?!localhost|127\.0\.0\.1)"), lambda route: route.abort())
    page.route("https://tile.openstreetmap.org/**", tile)

    choose_cookies(page, url, allowed=("mairie_map",))
    response = page.goto(f"{url}/vivre-a/annuaire?category=sante")
    assert response.status == 200
    page.wait_for_selector(".leaflet-marker-icon")
    page.wait_for_selector(".leaflet-tile-loaded")
    markers = page.locator(".leaflet-marker-icon")
    assert markers.count() == 3  # pharmacy, doctors and physiotherapist
    assert sorted(markers.nth(i).get_attribute("alt") for i in range(3)) == [
        "Cabinet de kinésithérapie",
        "Cabinet médical du Bourg",
        "Pharmacie de la Loire",
    ]
    assert tiles, "the commune's tile layer was not asked for"
    assert page.locator(".mairie-directory-map-section").is_visible()
    page.locator('.leaflet-marker-icon[alt="Pharmacie de la Loire"]').click()
    link = page.locator(".leaflet-popup-content a")
    assert link.inner_text() == "Pharmacie de la Loire"
    assert link.get_attribute("href") == f"{url}/vivre-a/annuaire/pharmacie-de-la-loire"
    assert (
        "© les contributeurs d'OpenStreetMap"
        in page.locator(".leaflet-control-attribution").inner_text()
    )
    assert axe_violations(page, include="#content") == []

    page.goto(f"{url}/vivre-a/annuaire/pharmacie-de-la-loire")
    page.wait_for_selector(".leaflet-marker-icon")
    assert axe_violations(page, include="#content") == []
