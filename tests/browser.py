"""Headless Chromium and axe-core for the tests, as a pytest plugin.

Chromium comes from Debian (`make test` installs it): Playwright cannot fetch
its own browser here. Use the ``page`` fixture to drive a French phone-less
browser, and ``axe_violations(page)`` to list what axe-core finds:

    def test_page_is_accessible(page, functional):
        page.goto(url)
        assert axe_violations(page, include="#content") == []
"""

from axe_playwright_python.sync_playwright import Axe
from contextlib import contextmanager
from mairie.policy.conformity.crawl import CHROMIUM
from mairie.policy.conformity.crawl import FLAGS
from playwright.sync_api import sync_playwright

import base64
import pytest


# WCAG 2.1 A and AA, what RGAA 4.1 builds on.
WCAG_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: drives headless Chromium (slow)")


@pytest.fixture(scope="session")
def chromium():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


CONSENT_SERVICES = ("youtube", "dailymotion", "vimeo", "mairie_map")


def choose_cookies(page, url: str, allowed=()) -> None:
    """The visitor already answered the consent banner (consent/): it stays closed.

    Every service is refused but those ``allowed``; a first visit (no call) shows it.
    """
    choice = "".join(f"!{name}={str(name in allowed).lower()}" for name in CONSENT_SERVICES)
    page.context.add_cookies([{"name": "tarteaucitron", "value": choice, "url": url}])


@pytest.fixture
def page(chromium):
    context = chromium.new_context(locale="fr-FR", timezone_id="Europe/Paris")
    page = context.new_page()
    yield page
    context.close()


@contextmanager
def logged_in(chromium, user: str, password: str):
    """A page of the same French browser that logs in as ``user`` (HTTP Basic) on each request."""
    credentials = base64.b64encode(f"{user}:{password}".encode()).decode()
    context = chromium.new_context(
        locale="fr-FR",
        timezone_id="Europe/Paris",
        extra_http_headers={"Authorization": f"Basic {credentials}"},
    )
    try:
        yield context.new_page()
    finally:
        context.close()


def axe_violations(page, include: str | None = None, options: dict = WCAG_AA) -> list[str]:
    """axe-core's violations on the page (or inside the ``include`` selector).

    Each one reads "rule-id: selector — help", so that a failing test says
    what to fix.
    """
    context = {"include": [include]} if include else None
    results = Axe().run(page, context=context, options=options)
    return [
        f"{violation['id']}: {', '.join(map(str, node['target']))} — {violation['help']}"
        for violation in results.response["violations"]
        for node in violation["nodes"]
    ]
