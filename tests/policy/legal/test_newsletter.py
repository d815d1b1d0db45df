"""The newsletter widget may set cookies: nothing of it runs or shows before the visitor asks."""

from browser import axe_violations
from browser import choose_cookies

import requests


WIDGET_FIELD = "lettre-courriel"  # the e-mail field of the demo's widget


def test_the_widget_is_only_inside_a_template(served, fetch, fr):
    base = served()
    tree = fetch(f"{base}/lettre-d-information")
    fields = tree.cssselect(f"#{WIDGET_FIELD}")
    assert fields, "the widget is on its page"
    for field in fields:
        assert [a for a in field.iterancestors() if a.tag == "template"], "outside a <template>"
    assert tree.cssselect("[data-mairie-newsletter] button")[0].get("hidden") is not None
    # Nowhere else, not even in a template: the other pages only link to it.
    home = requests.get(base, timeout=60).text
    assert WIDGET_FIELD not in home and "lettre.example.fr" not in home
    assert f"{base}/lettre-d-information" in [a.get("href") for a in fetch(base).iter("a")]


def test_the_widget_comes_on_request(served, page):
    base = served()
    choose_cookies(page, base)
    page.goto(f"{base}/lettre-d-information")
    button = page.locator("[data-mairie-newsletter] button")
    assert button.is_visible()
    # The template's content is not part of the document: the provider's form does not exist.
    assert page.locator(f"#{WIDGET_FIELD}").count() == 0
    assert axe_violations(page, include="#content") == []
    button.click()
    assert page.locator(f"#{WIDGET_FIELD}").is_visible()
    assert page.evaluate("document.activeElement.className") == "mairie-newsletter-widget"
    assert page.locator("template").count() == 0
    assert axe_violations(page, include="#content") == []


def test_legal_pages_and_footer_are_accessible(served, page):
    base = served()
    found = {}
    for path in ("accessibilite", "mentions-legales", "donnees-personnelles", "contact"):
        response = page.goto(f"{base}/{path}")
        assert response.status == 200, path
        found[path] = axe_violations(page, include="#content") + axe_violations(
            page, include="#portal-footer-wrapper"
        )
    assert found == {path: [] for path in found}
