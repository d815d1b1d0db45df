"""Cache rules and purges as the shared cache sees them, over real HTTP.

The shared cache is played by a local HTTP server (pytest-httpserver) that
records the PURGE requests Plone sends it.
"""

from deployment import closed_port
from mairie.policy.hosting import caching
from plone.app.testing import setRoles
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import TEST_USER_ID
from plone.cachepurging.interfaces import ICachePurgingSettings
from plone.registry.interfaces import IRegistry
from Products.SiteAccess.VirtualHostMonster import manage_addVirtualHostMonster
from zope.component import getUtility

import pytest
import requests
import time
import transaction


OWNER = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)


@pytest.fixture
def news(functional):
    portal = functional["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    portal.invokeFactory("Folder", "actualites", title="Actualités")
    portal.actualites.invokeFactory("News Item", "fete", title="Fête du village")
    if "virtual_hosting" not in functional["app"].objectIds():
        manage_addVirtualHostMonster(functional["app"], "virtual_hosting")
    transaction.commit()
    return portal.actualites.fete


@pytest.fixture
def cache(functional, httpserver, agency):
    """Purging switched on, towards the fake cache, as the agency's proxy section does."""
    httpserver.expect_request("", method="PURGE").respond_with_data("Purged")
    proxy = {"cache": f"127.0.0.1:{httpserver.port}", "instances": ["127.0.0.1:1"]}
    registry = getUtility(IRegistry, context=functional["portal"])
    caching.apply(registry, type(agency).model_validate({**agency.model_dump(), "proxy": proxy}))
    transaction.commit()
    return httpserver


def purged(httpserver, expected: set[str], timeout=10.0) -> set[str]:
    """The paths purged so far, once ``expected`` are among them (purges are sent by a thread)."""
    deadline = time.monotonic() + timeout
    while True:
        paths = {request.path for request, _response in httpserver.log}
        if expected <= paths or time.monotonic() > deadline:
            return paths
        time.sleep(0.1)


def test_a_public_page_may_be_shared_for_five_minutes(news):
    response = requests.get(news.absolute_url(), timeout=30)
    assert response.status_code == 200
    rules = response.headers["Cache-Control"]
    assert "s-maxage=300" in rules and "max-age=0" in rules
    home = requests.get(news.aq_parent.aq_parent.absolute_url(), timeout=30)
    assert "s-maxage=300" in home.headers["Cache-Control"]


def test_a_logged_in_page_is_never_shared(news):
    response = requests.get(news.absolute_url(), auth=OWNER, timeout=30)
    assert response.status_code == 200
    assert "s-maxage" not in response.headers.get("Cache-Control", "")


def test_the_agency_without_a_cache_purges_nothing(functional, agency):
    registry = getUtility(IRegistry, context=functional["portal"])
    caching.apply(registry, agency)
    settings = registry.forInterface(ICachePurgingSettings)
    assert agency.proxy is None and not settings.enabled and settings.cachingProxies == ()


@pytest.mark.parametrize("virtual", [False, True], ids=["instance", "commune-domain"])
def test_a_change_purges_the_page_its_folder_and_the_home_page(news, cache, virtual):
    url = news.absolute_url()
    if virtual:
        # As behind the proxy: the commune at the root of its own domain.
        base = url.split("/plone/")[0]
        url = (
            f"{base}/VirtualHostBase/https/www.commune.fr:443/plone/VirtualHostRoot/actualites/fete"
        )
    changed = requests.patch(
        url,
        json={"title": "Fête du village (reportée)"},
        headers={"Accept": "application/json"},
        auth=OWNER,
        timeout=30,
    )
    assert changed.status_code == 204, changed.text
    # Physical paths whatever the address used: one purge for every domain.
    expected = {"/plone/actualites/fete/", "/plone/actualites/", "/plone/"}
    paths = purged(cache, expected)
    assert expected <= paths
    assert not any(path.startswith("/actualites") for path in paths)


def with_cache(agency, address):
    return type(agency).model_validate({**agency.model_dump(), "proxy": {"cache": address}})


def test_a_command_purges_the_whole_commune(agency, httpserver):
    httpserver.expect_request("/saint-aubin/*", method="PURGE").respond_with_data("Purged")
    assert caching.purge_commune(with_cache(agency, f"127.0.0.1:{httpserver.port}"), "saint-aubin")
    assert [request.path for request, _response in httpserver.log] == ["/saint-aubin/*"]
    assert caching.purge_commune(agency, "saint-aubin") is False  # no cache: nothing to do


def test_a_cache_that_refuses_or_is_down_is_reported(agency, httpserver):
    httpserver.expect_request("/saint-aubin/*", method="PURGE").respond_with_data(
        "Not allowed", status=405
    )
    with pytest.raises(caching.PurgeError, match="HTTP 405"):
        caching.purge_commune(with_cache(agency, f"127.0.0.1:{httpserver.port}"), "saint-aubin")
    with pytest.raises(caching.PurgeError, match="ConnectionError"):
        caching.purge_commune(with_cache(agency, f"127.0.0.1:{closed_port()}"), "saint-aubin")
