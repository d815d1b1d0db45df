"""The palette reaches the page: each colour of « Apparence de la commune » paints its part.

Checked in Chromium on the computed styles, in each of the twelve templates: a
custom property that no rule reads (or that a template's rule hides) changes
nothing for the visitor.
"""

from mairie.themes.catalog import templates
from plone.app.theming.utils import applyTheme
from plone.app.theming.utils import getTheme
from plone.registry.interfaces import IRegistry
from zope.component import getUtility
from zope.component.hooks import setSite

import pytest
import transaction


pytestmark = pytest.mark.browser
TIMEOUT_MS = 120_000
FOOTER = "#5a2d0c"  # 11,2:1 under white: allowed
FOOTER_RGB = "rgb(90, 45, 12)"


def test_footer_background_applies_in_every_template(commune, page):
    site, base = commune["site"], commune["url"]
    page.set_default_timeout(TIMEOUT_MS)
    setSite(site)
    getUtility(IRegistry)["mairie.commune.palette_footer_background"] = FOOTER
    setSite(None)
    transaction.commit()
    seen = {}
    for template in templates().values():
        setSite(site)
        applyTheme(getTheme(template.theme_name))
        setSite(None)
        transaction.commit()
        page.goto(base)
        seen[template.id] = page.evaluate(
            """() => {
                const footer = document.querySelector('#portal-footer-wrapper');
                const style = getComputedStyle(footer);
                return [style.backgroundColor, style.backgroundImage, style.color];
            }"""
        )
    assert seen == {key: [FOOTER_RGB, "none", "rgb(255, 255, 255)"] for key in seen}
