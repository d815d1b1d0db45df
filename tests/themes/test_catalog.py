"""The twelve templates: named in French, each a Diazo theme Plone can apply."""

from mairie.themes.catalog import BLOCKS
from mairie.themes.catalog import HEROES
from mairie.themes.catalog import templates
from plone.app.theming.utils import getAvailableThemes


def test_twelve_templates_with_french_names():
    found = templates()
    assert len(found) == 12
    assert found["bruyere"].title == "Bruyère"
    assert found["oceane"].title == "Océane"
    for template in found.values():
        assert template.description


def test_each_template_is_a_registered_theme(portal):
    registered = {theme.__name__: theme for theme in getAvailableThemes()}
    for template in templates().values():
        theme = registered[template.theme_name]
        assert theme.title == template.title


def test_each_template_gives_its_home_page_defaults():
    found = templates()
    for template in found.values():
        assert template.hero in HEROES
        assert sorted(template.blocks) == sorted(BLOCKS)
    assert found["oceane"].hero == "slideshow"
    assert found["ardoise"].hero == "none"
    assert found["granit"].blocks[0] == "council"
