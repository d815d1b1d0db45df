"""Every page type laid out right at every width, in Chromium, with screenshots to look at.

At 375, 768, 1280 and 1920 px, in the demo commune's template, then six pages
at 375 and 1280 px in each of the other eleven: no horizontal scroll, the main
content at least 60 % of the layout's width on a wide screen, no word broken
across lines (a column a few letters wide). The screenshots are written to
var/screenshots/layout/<template>/<page>-<width>.png.
"""

from .pages import AGENTS
from .pages import agents_data
from .pages import PUBLIC
from .pages import TEMPLATE_PAGES
from .pages import use_template
from layout import Shot
from layout import Tabs
from mairie.themes.catalog import templates
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

import pytest


pytestmark = pytest.mark.browser

WIDTHS = (375, 768, 1280, 1920)
TEMPLATE_WIDTHS = (375, 1280)
SCREENSHOTS = "var/screenshots/layout"


def test_every_page_type_fits_every_width_in_every_template(
    demo_commune, demo_profile, pytestconfig
):
    site, base = demo_commune["site"], demo_commune["url"]
    agents, confirmation = agents_data(site)
    agents.update(AGENTS)
    public = {**PUBLIC, "booking-confirmation": confirmation}
    own = demo_profile.commune.template
    folder = pytestconfig.rootpath / SCREENSHOTS
    shots = [Shot(name, f"{base}/{path}", WIDTHS) for name, path in public.items()]
    slots = f"{base}/{PUBLIC['booking-slots']}"
    shots.append(Shot("booking-form", slots, WIDTHS, follow=".mairie-rdv-slots a"))
    shots += [Shot(name, f"{base}/{path}", WIDTHS, agent=True) for name, path in agents.items()]
    problems = {}
    with Tabs(agent=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD)) as tabs:
        problems[own] = tabs.check(shots, folder / own)
        for template in templates().values():
            if template.id == own:
                continue
            use_template(site, template)
            chosen = [
                Shot(name, f"{base}/{PUBLIC[name]}", TEMPLATE_WIDTHS) for name in TEMPLATE_PAGES
            ]
            problems[template.id] = tabs.check(chosen, folder / template.id)
    found = [f"{template}: {problem}" for template, found in problems.items() for problem in found]
    assert not found, "\n".join(found)
