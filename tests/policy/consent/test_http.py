"""What an anonymous visitor receives: no third-party frame, the banner's parts."""

from .video import VIDEO_ID
from lxml import html
from mairie.policy.consent.services import VIDEO_ORIGINS

import json
import requests


def test_the_video_is_neutralised_in_the_html_served(site_url):
    response = requests.get(f"{site_url}/voeux", timeout=30)
    assert response.status_code == 200
    page = response.text
    assert "<iframe" not in page
    assert "youtube.com/embed" not in page
    placeholder = html.fromstring(page).find_class("youtube_player")[0]
    assert placeholder.get("data-videoid") == VIDEO_ID
    # Without JavaScript, a link to watch it on YouTube.
    assert placeholder.find(".//a").get("href") == f"https://www.youtube.com/watch?v={VIDEO_ID}"


def test_every_page_has_the_consent_settings_and_script(site_url):
    page = html.fromstring(requests.get(site_url, timeout=30).text)
    config = json.loads(page.get_element_by_id("mairie-consent-config").text)
    assert config["expireDays"] == 183  # about six months
    assert config["privacyUrl"] == f"{site_url}/donnees-personnelles"
    assert config["services"] == ["youtube", "dailymotion", "vimeo", "mairie_map"]
    assert config["map"]["name"] == "OpenStreetMap"
    assert "OpenStreetMap" in config["texts"]["api"]["details"]
    assert "Vimeo" in config["texts"]["engage-vimeo"]
    scripts = [script.get("src") for script in page.iter("script") if script.get("src")]
    ours = [src for src in scripts if "++resource++mairie.consent" in src]
    # tarteaucitron.js is loaded by consent.js, only where content waits for consent.
    assert [src.rsplit("/", 1)[-1] for src in ours] == ["consent.js"]
    for src in [*ours, f"{config['resources']}/tarteaucitron/tarteaucitron.js"]:
        assert requests.get(src, timeout=30).status_code == 200
    # The footer's button that reopens the choice, shown by consent.js.
    assert page.cssselect("[data-mairie-consent-open] button.mairie-consent-open")


def test_the_map_tiles_are_not_requested_by_the_html(site_url):
    page = requests.get(f"{site_url}/annuaire", timeout=30).text
    tree = html.fromstring(page)
    # The tile address is only data for the script, which waits for consent.
    data = tree.get_element_by_id("mairie-directory-map-data")
    assert "tile.openstreetmap.org" in data.text
    assert "tile.openstreetmap.org" not in page.replace(data.text, "")


def test_the_security_policy_lets_the_players_in_after_consent(site_url):
    policy = requests.get(f"{site_url}/voeux", timeout=30).headers["Content-Security-Policy"]
    frame_src = next(part for part in policy.split("; ") if part.startswith("frame-src "))
    for origin in VIDEO_ORIGINS:
        assert origin in frame_src.split()
