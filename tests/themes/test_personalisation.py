"""One template, every commune: palette, slogan, logo and Open Graph at render time."""

from mairie.themes.appearance import palette
from mairie.themes.appearance import palette_version
from mairie.themes.interfaces import IMairieThemesLayer
from zope.component.hooks import setSite
from zope.interface import alsoProvides

import re
import requests
import transaction


CONTROL_PANEL = "@@apparence-de-la-commune"


def _get(url, **kwargs):
    response = requests.get(url, timeout=60, **kwargs)
    assert response.status_code == 200, url
    return response


def _palette_css(url):
    page = _get(url).text
    href = re.search(r'href="([^"]*@@mairie-palette\.css\?v=[0-9a-f]+)"', page).group(1)
    response = _get(href)
    assert response.headers["Content-Type"].startswith("text/css")
    assert "max-age=31536000" in response.headers["Cache-Control"]
    return response.text


def _save(commune, **values):
    """Submit « Apparence de la commune » as a manager; the form's HTML."""
    site = commune["site"]
    setSite(site)
    request = site.REQUEST
    alsoProvides(request, IMairieThemesLayer)
    request.form.clear()
    request.form.update(
        {
            "form.widgets.palette_primary": "#1f4e79",
            "form.widgets.palette_secondary": "#3e7040",
            "form.widgets.palette_footer_background": "#16324f",
            "form.widgets.slogan": "Entre Loire et coteaux",
            "form.buttons.save": "Enregistrer",
        }
    )
    request.form.update({f"form.widgets.{name}": value for name, value in values.items()})
    html = site.restrictedTraverse(CONTROL_PANEL)()
    transaction.commit()
    setSite(None)
    return html


def test_page_is_drawn_by_the_template(commune):
    page = _get(commune["url"]).text
    assert 'id="mairie-nav"' in page  # the shared markup
    assert "/++plone++mairie.themes/mairie.css" in page
    assert "/++theme++mairie-bocage/theme.css" in page  # the demo's template
    assert 'href="#main"' in page  # skip link
    assert '<main class="mairie-wrap mairie-main" id="main"' in page
    assert page.count("<h1") == 1


def test_palette_from_the_profile(commune):
    css = _palette_css(commune["url"])
    assert "--mairie-primary: #1f4e79;" in css
    assert "--mairie-primary-rgb: 31, 78, 121;" in css
    assert "--mairie-secondary: #3e7040;" in css
    assert "--mairie-footer-bg: #16324f;" in css
    assert "--mairie-footer-bg-text: #ffffff;" in css


def test_control_panel_changes_the_palette_at_once(commune):
    url = commune["url"]
    html = _save(commune, palette_primary="#8a1538", slogan="Une commune qui bouge")
    assert "4,5:1" not in html
    css = _palette_css(url)
    assert "--mairie-primary: #8a1538;" in css
    page = _get(url).text
    assert "Une commune qui bouge" in page


def test_control_panel_refuses_an_unreadable_colour_with_its_ratio(commune):
    url = commune["url"]
    html = _save(commune, palette_footer_background="#7fa7d0")
    assert "2,5:1, at least 4,5:1" in html or "2,5:1, il faut au moins 4,5:1" in html
    assert "--mairie-footer-bg: #16324f;" in _palette_css(url)  # nothing written


def test_control_panel_refuses_what_is_not_a_colour(commune):
    url = commune["url"]
    html = _save(commune, palette_primary="bleu")
    assert "#rrggbb" in html
    assert "--mairie-primary: #1f4e79;" in _palette_css(url)


def test_stale_palette_address_is_not_cached(commune):
    setSite(commune["site"])
    version = palette_version(palette())
    setSite(None)
    response = _get(f"{commune['url']}/@@mairie-palette.css?v=old")
    assert response.headers["Cache-Control"] == "no-cache"
    assert version != "old"


def test_logo_slogan_and_open_graph(commune):
    page = _get(commune["url"]).text
    assert "@@site-logo/logo.png" in page
    assert "Entre Loire et coteaux, une commune qui vit" in page
    assert '<meta property="og:locale" content="fr_FR"' in page
    assert '<meta property="og:title" content="Mairie de Saint-Aubin-sur-Loire"' in page
    assert re.search(r'<meta property="og:url" content="http://[^"]+/saint-aubin-sur-loire"', page)
    assert re.search(r'<meta property="og:image" content="http://[^"]+"', page)
    description = "Site officiel de la mairie de Saint-Aubin-sur-Loire (Maine-et-Loire)"
    assert f'<meta property="og:description" content="{description}' in page
    assert page.count('<meta name="description"') == 1
    assert f'<meta name="description" data-mairie="description" content="{description}' in page
