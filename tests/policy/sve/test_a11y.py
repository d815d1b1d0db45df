"""The citizen's form, its error page and the agents' pages in headless Chromium: axe finds nothing."""

from .forms import submit
from browser import axe_violations
from browser import choose_cookies
from browser import logged_in
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

import pytest


@pytest.fixture
def agent_page(chromium):
    with logged_in(chromium, SITE_OWNER_NAME, SITE_OWNER_PASSWORD) as page:
        yield page


def test_the_form_and_its_errors_are_accessible(site, page):
    url = site["demarches"]["nous-contacter"].absolute_url()
    choose_cookies(page, url)
    assert page.goto(url).status == 200
    assert axe_violations(page, include="#content") == []
    page.fill("#form-widgets-email", "jeanne.example.net")
    page.click("#form-buttons-submit")
    page.wait_for_load_state()
    errors = page.locator("#erreurs, .mairie-field-error")
    assert errors.count() > 0
    assert axe_violations(page, include="#content") == []


def test_the_agents_pages_are_accessible(site, smtp, agent_page):
    form = site["demarches"]["nous-contacter"]
    submit(form.absolute_url())
    choose_cookies(agent_page, form.absolute_url())
    assert agent_page.goto(f"{form.absolute_url()}/@@demandes").status == 200
    assert agent_page.locator("table caption").is_visible()
    assert axe_violations(agent_page, include="#content") == []
    agent_page.click("table tbody th a")
    agent_page.wait_for_load_state()
    assert "@@demande?numero=" in agent_page.url
    assert axe_violations(agent_page, include="#content") == []
    assert agent_page.goto(f"{form.absolute_url()}/@@effacer-demandes").status == 200
    assert axe_violations(agent_page, include="#content") == []
