"""The agenda page in headless Chromium: axe-core finds nothing in its content."""

from browser import axe_violations
from datetime import datetime
from datetime import timedelta


def test_agenda_page_is_accessible(site, add_event, page):
    # The browser runs on the real clock: the event is a week away from it.
    start = (datetime.now() + timedelta(days=7)).replace(hour=19, minute=0, second=0, microsecond=0)
    add_event("Vœux du maire", start, start + timedelta(hours=2))
    response = page.goto(f"{site.absolute_url()}/agenda")
    assert response.status == 200
    assert page.locator(".mairie-agenda-ical a").is_visible()
    assert axe_violations(page, include="#content") == []
