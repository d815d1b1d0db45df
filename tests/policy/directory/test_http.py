"""The directory as a visitor gets it over HTTP: no JavaScript needed, drafts hidden."""

from html.parser import HTMLParser
from mairie.policy.directory import geomap
from plone import api
from zope.component.hooks import setSite

import pytest
import requests
import transaction


class Page(HTMLParser):
    """What a browser without JavaScript uses: form fields, labels, headings, links."""

    def __init__(self, html):
        super().__init__()
        self.labels, self.fields, self.headings, self.links = set(), [], [], []
        self.buttons, self._heading, self._tag = [], None, None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "label":
            self.labels.add(attrs.get("for"))
        elif tag in ("input", "select") and attrs.get("type") != "hidden":
            self.fields.append(attrs)
        elif tag == "button":
            self.buttons.append(attrs)
        elif tag in ("h2", "h3"):
            self._heading = [tag, ""]
        elif tag == "a" and self._heading:
            self.links.append(attrs.get("href"))

    def handle_data(self, data):
        if self._heading:
            self._heading[1] += data

    def handle_endtag(self, tag):
        if self._heading and tag == self._heading[0]:
            self.headings.append((tag, self._heading[1].strip()))
            self._heading = None


@pytest.fixture
def site_url(functional, fill_directory):
    portal = functional["portal"]
    setSite(portal)
    with api.env.adopt_roles(["Manager"]):
        directory = api.content.create(
            container=portal, type="mairie.Directory", id="annuaire", title="Annuaire"
        )
    fill_directory(directory)
    transaction.commit()
    return portal.absolute_url()


def test_the_page_works_without_javascript(site_url):
    response = requests.get(
        f"{site_url}/annuaire", params={"category": "sante", "text": "pharmacie"}, timeout=30
    )
    assert response.status_code == 200
    page = Page(response.text)
    form_fields = [field for field in page.fields if field.get("name") in ("text", "category")]
    assert [field["name"] for field in form_fields] == ["text", "category"]
    assert all(field["id"] in page.labels for field in form_fields)
    assert [
        button.get("type") for button in page.buttons if "btn-primary" in button.get("class", "")
    ] == ["submit"]
    assert 'method="get"' in response.text
    assert ("h3", "Pharmacie de la Loire") in page.headings
    assert ("h3", "Cabinet médical du Bourg") not in page.headings  # filtered out by the text
    assert "49170 Saint-Aubin-sur-Loire" in response.text
    assert '<address class="mb-0">' in response.text


def test_anonymous_visitors_see_published_entries_only(site_url):
    html = requests.get(f"{site_url}/annuaire", timeout=30).text
    headings = [text for tag, text in Page(html).headings if tag == "h3"]
    assert headings == [
        "Les Coteaux en fête",
        "Boulangerie des Coteaux",
        "Cabinet médical du Bourg",
        "Pharmacie de la Loire",
    ]
    assert "Club de pétanque" not in html  # a draft: neither in the list nor on the map
    draft = requests.get(f"{site_url}/annuaire/brouillon", timeout=30, allow_redirects=False)
    assert draft.status_code in (302, 401, 403)  # Plone sends anonymous visitors to log in
    assert "Club de pétanque" not in draft.text
    # An unknown category in a hand-edited link: every entry, and a message, no error.
    response = requests.get(f"{site_url}/annuaire?category=piscine", timeout=30)
    assert response.status_code == 200
    assert "mairie-directory-unknown-category" in response.text


def test_leaflet_and_our_map_script_are_served(site_url):
    assert geomap.leaflet_built(), "Leaflet is not built: run `make install` (npm ci)"
    base = f"{site_url}/++resource++mairie.directory"
    for path, kind in (
        ("leaflet/leaflet.js", "javascript"),
        ("leaflet/leaflet.css", "css"),
        ("leaflet/images/marker-icon.png", "image/png"),
        ("directory-map.js", "javascript"),
        ("directory-map.css", "css"),
    ):
        response = requests.get(f"{base}/{path}", timeout=30)
        assert response.status_code == 200, path
        assert kind in response.headers["Content-Type"], path
    html = requests.get(f"{site_url}/annuaire", timeout=30).text
    assert f'src="{base}/leaflet/leaflet.js"' in html
