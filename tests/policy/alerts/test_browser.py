"""The banner in headless Chromium: accessible, and "Hide" remembered by this browser."""

from browser import axe_violations
from browser import choose_cookies
from datetime import datetime
from datetime import timedelta


def test_dismissed_alert_stays_hidden_and_banner_is_accessible(add_alert, site, page):
    # The browser runs on the real clock: the alerts are in force around it.
    now = datetime.now()
    add_alert("Tempête", now - timedelta(days=1), now + timedelta(days=1), level="urgent")
    add_alert("Coupure d'eau", now - timedelta(days=1), now + timedelta(days=1), level="important")
    add_alert("Travaux", now - timedelta(days=1), now + timedelta(days=1), link="/page")
    url = f"{site.absolute_url()}/page"
    choose_cookies(page, url)

    page.goto(url)
    assert axe_violations(page, include=".mairie-alerts") == []
    alerts = page.locator("[data-mairie-alert]")
    assert alerts.count() == 3
    buttons = page.locator(".mairie-alert-dismiss")
    for index in range(3):
        assert buttons.nth(index).is_visible()  # revealed by the script

    buttons.nth(0).click()
    assert not alerts.nth(0).is_visible()
    # Focus moves on to the next alert's button, not lost.
    assert page.evaluate("document.activeElement.closest('[data-mairie-alert]').textContent").count(
        "Coupure d'eau"
    )

    page.goto(url)
    assert not alerts.nth(0).is_visible()
    assert alerts.nth(1).is_visible() and alerts.nth(2).is_visible()

    page.locator(".mairie-alert-dismiss").nth(1).click()
    page.locator(".mairie-alert-dismiss").nth(2).click()
    assert not page.locator(".mairie-alerts").is_visible()
    page.goto(url)
    assert not page.locator(".mairie-alerts").is_visible()
