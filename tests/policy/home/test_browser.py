"""The home page in headless Chromium: axe-core, and the slideshow's Pause/Play button."""

from .pages import french
from browser import axe_violations
from mairie.policy import _
from mairie.themes.catalog import templates

import transaction


def test_home_page_is_accessible(base_url, page):
    response = page.goto(base_url)
    assert response.status == 200
    assert axe_violations(page, include="#content") == []


def test_slideshow_pauses_and_is_accessible(base_url, registry, page):
    registry["mairie.commune.template"] = next(
        name for name, template in templates().items() if template.hero == "slideshow"
    )
    transaction.commit()
    page.goto(base_url)
    toggle = page.locator(".mairie-hero__toggle")
    toggle.wait_for(state="visible")
    slides = page.locator(".mairie-hero__slide")
    assert [slides.nth(i).is_visible() for i in range(2)] == [True, False]
    assert toggle.inner_text() == french(_("home_slideshow_pause", default="Pause"))
    toggle.press("Enter")  # keyboard operable
    assert toggle.inner_text() == french(_("home_slideshow_play", default="Play"))
    page.locator(".mairie-hero__next").press("Enter")
    assert [slides.nth(i).is_visible() for i in range(2)] == [False, True]
    assert axe_violations(page, include="#content") == []


def test_no_autoplay_when_the_visitor_asks_for_less_motion(base_url, registry, chromium):
    registry["mairie.commune.template"] = next(
        name for name, template in templates().items() if template.hero == "slideshow"
    )
    transaction.commit()
    context = chromium.new_context(locale="fr-FR", reduced_motion="reduce")
    page = context.new_page()
    page.goto(base_url)
    toggle = page.locator(".mairie-hero__toggle")
    toggle.wait_for(state="visible")
    assert toggle.inner_text() == french(_("home_slideshow_play", default="Play"))
    context.close()
