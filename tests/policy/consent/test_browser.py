"""In headless Chromium: nothing leaves for a third party before consent, all comes back after.

Every request to a host other than the test server is recorded and aborted:
the tests never reach the internet.
"""

from .video import VIDEO_ID
from browser import axe_violations
from playwright.sync_api import expect
from plone import api
from urllib.parse import urlsplit

import pytest
import transaction


@pytest.fixture
def third_party(page):
    """Hosts the page tried to reach, other than the test server."""
    hosts = []

    def route(route):
        host = urlsplit(route.request.url).hostname
        if host in ("localhost", "127.0.0.1"):
            route.continue_()
        else:
            hosts.append(host)
            route.abort()

    page.route("**/*", route)
    return hosts


def _ready(page):
    """The banner is shown and its buttons work (tarteaucitron wires them after
    half a second, which a person never notices but a test does): consent.js
    then marks the page."""
    page.locator("#tarteaucitronAlertBig").wait_for()
    page.locator("html.mairie-consent-ready").wait_for(state="attached")


def _accept_all(page):
    _ready(page)
    page.get_by_role("button", name="Tout accepter").first.click()


def test_the_video_waits_for_consent(page, third_party, site_url):
    page.goto(f"{site_url}/voeux")
    _ready(page)
    for name in ("Tout accepter", "Tout refuser", "Personnaliser"):
        assert page.get_by_role("button", name=name).first.is_visible()
    # tarteaucitron's placeholder names the service and offers to allow it.
    placeholder = page.locator(".youtube_player .tac_activate")
    assert "YouTube" in placeholder.inner_text()
    assert page.locator("iframe").count() == 0
    assert third_party == []

    _accept_all(page)
    frame = page.locator(".youtube_player iframe")
    frame.wait_for(state="attached")
    assert VIDEO_ID in frame.get_attribute("src")
    assert frame.get_attribute("title") == "Les vœux du maire"
    # Kept for about six months.
    cookie = next(c for c in page.context.cookies() if c["name"] == "tarteaucitron")
    assert "youtube=true" in cookie["value"]


def test_an_allowed_video_is_asked_over_https_as_the_policy_allows(page, third_party, site_url):
    """tarteaucitron writes its players' frames protocol-relative: on a page served over
    http the frame asked http://www.youtube-nocookie.com, which the site's own policy refuses."""
    refused = []
    page.on(
        "console",
        lambda message: refused.append(message.text) if "frame-src" in message.text else None,
    )
    response = page.goto(f"{site_url}/voeux")
    assert site_url.startswith("http://")
    frame_src = next(
        part.split()[1:]
        for part in response.headers["content-security-policy"].split("; ")
        if part.startswith("frame-src ")
    )
    _accept_all(page)
    frame = page.locator(".youtube_player iframe")
    frame.wait_for(state="attached")
    src = frame.get_attribute("src")
    assert src.startswith(f"https://www.youtube-nocookie.com/embed/{VIDEO_ID}?")
    assert "https://www.youtube-nocookie.com" in frame_src
    assert refused == []


def test_the_map_waits_for_consent_and_the_list_does_not(page, third_party, site_url):
    page.goto(f"{site_url}/annuaire")
    _ready(page)
    assert page.get_by_role("link", name="Boulangerie des Coteaux").first.is_visible()
    placeholder = page.locator("#mairie-directory-map .tac_activate")
    placeholder.wait_for()
    assert "OpenStreetMap" in placeholder.inner_text()
    assert page.locator(".leaflet-tile").count() == 0
    assert third_party == []

    # Refuse everything, then allow the map alone from its placeholder.
    page.get_by_role("button", name="Tout refuser").first.click()
    assert third_party == []
    # The tiles' requests are aborted by the route, hence "requestfailed".
    with page.expect_event("requestfailed"):
        placeholder.get_by_role("button").click()
    page.locator("#mairie-directory-map .leaflet-tile").first.wait_for(state="attached")
    assert set(third_party) == {"tile.openstreetmap.org"}


def test_refusing_keeps_everything_out(page, third_party, site_url):
    page.goto(f"{site_url}/voeux")
    _ready(page)
    page.get_by_role("button", name="Tout refuser").first.click()
    page.goto(f"{site_url}/annuaire")
    page.locator("#mairie-directory-map .tac_activate").wait_for()
    expect(page.locator("#tarteaucitronAlertBig")).to_be_hidden()
    assert third_party == []


def test_no_banner_nor_tarteaucitron_where_nothing_waits(page, third_party, site_url):
    """The site sets no tracker: a page that embeds nothing asks nothing (CNIL: consent
    before a tracker, not a wall before every page)."""
    scripts = []
    page.on("request", lambda request: scripts.append(request.url))
    page.goto(site_url)
    page.locator(".mairie-consent-open").wait_for()
    assert not any("tarteaucitron" in url for url in scripts)
    assert page.locator("#tarteaucitronRoot").count() == 0
    # « Gestion des cookies » still opens the choices, from any page.
    page.locator(".mairie-consent-open").click()
    page.locator("#tarteaucitron").wait_for()
    assert page.locator("#tarteaucitron").is_visible()
    assert "Cartes" in page.locator("#tarteaucitron").inner_text()
    assert "APIs" not in page.locator("#tarteaucitron").inner_text()
    assert third_party == []


def test_the_footer_reopens_the_choice(page, third_party, site_url):
    page.goto(f"{site_url}/voeux")
    _accept_all(page)
    expect(page.locator("#tarteaucitronAlertBig")).to_be_hidden()
    page.locator(".mairie-consent-open").click()
    page.locator("#tarteaucitron").wait_for()
    assert page.locator("#tarteaucitron").is_visible()


def test_on_a_phone_the_question_is_a_bar_not_a_wall(page, third_party, site_url):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(f"{site_url}/voeux")
    _ready(page)
    banner = page.locator("#tarteaucitronAlertBig")
    box = banner.bounding_box()
    assert box["y"] + box["height"] >= 739  # at the bottom
    assert box["height"] < 740 / 2
    expect(page.locator("#tarteaucitronBack")).to_be_hidden()
    # Its whole text is readable, not cut mid-sentence.
    text = page.locator("#tarteaucitronDisclaimerAlert")
    assert text.evaluate("element => element.scrollHeight <= element.clientHeight + 1")
    # The page stays usable: the placeholder is visible above the bar.
    assert page.locator(".youtube_player .tac_activate").is_visible()


def test_the_banner_has_no_axe_violations(page, third_party, site_url):
    page.goto(f"{site_url}/voeux")
    _ready(page)
    assert axe_violations(page, include="#tarteaucitronRoot") == []
    assert axe_violations(page, include=".youtube_player") == []


def test_exempt_audience_measurement_needs_no_consent(page, third_party, site_url):
    api.portal.set_registry_record("mairie.commune.matomo_url", "https://stats.example.fr/")
    api.portal.set_registry_record("mairie.commune.matomo_site_id", 7)
    transaction.commit()
    with page.expect_event("requestfailed"):
        page.goto(site_url)
    assert third_party == ["stats.example.fr"]
    assert page.evaluate("window._paq.map(call => call[0])")[:1] == ["disableCookies"]
