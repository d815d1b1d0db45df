"""Matomo in the CNIL's exempt mode: from the profile to every page, validated."""

from lxml import html
from mairie.policy.commune.loader import load_profile
from mairie.policy.commune.loader import ProfileError
from mairie.policy.provisioning.settings import commune_values
from plone import api

import json
import pytest
import requests
import transaction


MATOMO = {"url": "https://stats.example.fr/", "site_id": 7}


def _profile_with(write_profile, agency, matomo):
    def change(data):
        data["matomo"] = matomo

    return load_profile(write_profile(change), agency)


def test_the_profile_takes_an_address_and_a_site_id(write_profile, agency):
    profile = _profile_with(write_profile, agency, MATOMO)
    assert (profile.matomo.url, profile.matomo.site_id) == ("https://stats.example.fr/", 7)


def test_provisioning_stores_it_for_the_pages(write_profile, agency, demo_profile):
    values = commune_values(_profile_with(write_profile, agency, MATOMO), agency)
    assert (values["matomo_url"], values["matomo_site_id"]) == ("https://stats.example.fr/", 7)
    # The demo commune has none.
    values = commune_values(demo_profile, agency)
    assert (values["matomo_url"], values["matomo_site_id"]) == ("", 0)


@pytest.mark.parametrize(
    "matomo",
    [
        {"url": "stats.example.fr", "site_id": 7},
        {"url": "https://stats.example.fr/", "site_id": 0},
        {"url": "https://stats.example.fr/"},
    ],
)
def test_a_bad_setting_is_refused(write_profile, agency, matomo):
    with pytest.raises(ProfileError):
        _profile_with(write_profile, agency, matomo)


def test_pages_load_the_tracker_in_exempt_mode(site_url):
    api.portal.set_registry_record("mairie.commune.matomo_url", MATOMO["url"])
    api.portal.set_registry_record("mairie.commune.matomo_site_id", MATOMO["site_id"])
    transaction.commit()
    response = requests.get(site_url, timeout=30)
    page = html.fromstring(response.text)
    config = json.loads(page.get_element_by_id("mairie-matomo-config").text)
    assert config == {"url": "https://stats.example.fr/", "siteId": 7}
    script = requests.get(f"{site_url}/++resource++mairie.consent/matomo.js", timeout=30).text
    assert '_paq.push(["disableCookies"])' in script
    assert "requireConsent" not in script
    policy = response.headers["Content-Security-Policy"]
    for directive in ("script-src", "img-src", "connect-src"):
        part = next(p for p in policy.split("; ") if p.startswith(f"{directive} "))
        assert "https://stats.example.fr" in part.split()


def test_no_tracker_without_the_setting(site_url):
    page = requests.get(site_url, timeout=30).text
    assert "mairie-matomo-config" not in page
    assert "stats.example.fr" not in page
