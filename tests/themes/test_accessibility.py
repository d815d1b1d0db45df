"""axe-core in headless Chromium: the twelve templates, whole pages, zero WCAG 2.1 AA violation.

One demo commune is provisioned; the template changes between runs (applyTheme),
as ``mairie update`` would do it.
"""

from browser import axe_violations
from mairie.themes.catalog import templates
from plone.app.theming.utils import applyTheme
from plone.app.theming.utils import getTheme
from zope.component.hooks import setSite

import transaction


PAGES = (
    "",
    "vie-municipale/conseil-municipal",
    "demarches/nous-contacter",
    "accessibilite",
)
PHONE = {"width": 320, "height": 640}
# A first render compiles the template's rules: give it time on a busy machine.
TIMEOUT_MS = 120_000


def _use(site, template):
    setSite(site)
    applyTheme(getTheme(template.theme_name))
    setSite(None)
    transaction.commit()


def test_twelve_templates_have_no_axe_violations(demo_commune, page):
    site, base = demo_commune["site"], demo_commune["url"]
    page.set_default_timeout(TIMEOUT_MS)
    setSite(site)
    news = site["actualites"].objectValues()[0]
    paths = [*PAGES, "/".join(news.getPhysicalPath()[2:])]
    setSite(None)
    found = {}
    for template in templates().values():
        _use(site, template)
        for path in paths:
            response = page.goto(f"{base}/{path}")
            assert response.status == 200, (template.id, path)
            assert f"++theme++{template.theme_name}/theme.css" in page.content()
            found[(template.id, path)] = axe_violations(page)
    assert found == {key: [] for key in found}


def test_home_page_fits_320_px_in_every_template(demo_commune, page):
    site, base = demo_commune["site"], demo_commune["url"]
    page.set_default_timeout(TIMEOUT_MS)
    page.set_viewport_size(PHONE)
    widths = {}
    for template in templates().values():
        _use(site, template)
        page.goto(base)
        widths[template.id] = page.evaluate("document.scrollingElement.scrollWidth")
    assert widths == {template_id: 320 for template_id in widths}


def test_menu_button_opens_the_menu_on_a_phone(demo_commune, page):
    page.set_viewport_size(PHONE)
    page.goto(demo_commune["url"])
    button = page.locator("#mairie-menu-button")
    menu = page.locator("#portal-globalnav")
    assert button.get_attribute("aria-expanded") == "false"
    assert not menu.is_visible()
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert menu.is_visible()
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert not menu.is_visible()
