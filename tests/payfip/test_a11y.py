"""The payment form, its error state, the result page and the agents' listing: axe finds nothing."""

from .helpers import pending
from browser import axe_violations
from browser import choose_cookies
from browser import logged_in
from datetime import datetime
from mairie.policy.acts.dates import PARIS
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

import transaction


def test_the_payment_form_and_its_errors_are_accessible(form, page):
    url = form.absolute_url()
    choose_cookies(page, url)
    assert page.goto(url).status == 200
    assert axe_violations(page, include="#content") == []

    page.fill("#payfip-reference", "AB")
    page.fill("#payfip-amount", "12,345")
    page.fill("#payfip-email", "jeanne")
    page.click("#content form button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("#erreurs li").count() == 3
    assert page.locator("#payfip-amount").get_attribute("aria-invalid") == "true"
    assert axe_violations(page, include="#content") == []


def test_the_result_page_is_accessible(form, payfip, page):
    payment = pending(form, payfip, PARIS.localize(datetime(2026, 3, 12, 10, 0)))
    transaction.commit()
    url = f"{form.absolute_url()}/@@paiement-resultat?paiement={payment.key}"
    choose_cookies(page, url)
    assert page.goto(url).status == 200
    assert axe_violations(page, include="#content") == []


def test_the_agents_listing_is_accessible(site, form, payfip, chromium):
    pending(form, payfip, PARIS.localize(datetime(2026, 3, 12, 10, 0)))
    transaction.commit()
    with logged_in(chromium, SITE_OWNER_NAME, SITE_OWNER_PASSWORD) as agent:
        url = f"{site.absolute_url()}/@@paiements"
        choose_cookies(agent, url)
        assert agent.goto(url).status == 200
        assert agent.locator("table caption").is_visible()
        assert axe_violations(agent, include="#content") == []
