"""The booking pages in headless Chromium, used with the keyboard: axe-core finds nothing."""

from browser import axe_violations
from browser import choose_cookies


def test_booking_pages_are_accessible(site, http_agenda, page):
    url = http_agenda.absolute_url()
    choose_cookies(page, url)
    assert page.goto(url).status == 200
    assert axe_violations(page, include="#content") == []

    page.check("#motif-etat-civil")
    page.click("button[type=submit]:has-text('Voir les créneaux libres')")
    page.wait_for_load_state()
    assert "@@creneaux" in page.url
    assert axe_violations(page, include="#content") == []

    first = page.locator(".mairie-rdv-slots a").first
    assert " à " in first.get_attribute("aria-label")
    first.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "@@reserver" in page.url
    assert axe_violations(page, include="#content") == []

    page.fill("#nom", "Martin")
    page.fill("#prenom", "Jeanne")
    page.fill("#courriel", "jeanne@exemple")  # accepted by the browser, refused by the server
    page.fill("#telephone", "06 12 34 56 78")
    page.click("button[name=confirmer]")
    page.wait_for_load_state()
    assert page.locator("#erreurs").is_visible()
    assert axe_violations(page, include="#content") == []

    page.fill("#courriel", "jeanne@example.fr")
    page.click("button[name=confirmer]")
    page.wait_for_load_state()
    assert "@@mon-rendez-vous" in page.url
    assert axe_violations(page, include="#content") == []
