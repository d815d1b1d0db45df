"""The directory's page: filters from the query string, groups, batches and the map's data."""

from mairie.policy.directory import geomap
from mairie.policy.directory.tiles import OSM_TILES
from plone import api

import json
import pytest
import re


def render(directory, page_size=20, **form):
    directory.REQUEST.form.clear()
    directory.REQUEST.form.update(form)
    view = directory.restrictedTraverse("@@directory_view")
    view.page_size = page_size
    return view, view()


def titles(view):
    return [entry["title"] for group in view.groups() for entry in group["entries"]]


def map_data(html):
    match = re.search(
        r'<script type="application/json" id="mairie-directory-map-data">(.*?)</script>', html
    )
    return json.loads(match.group(1)) if match else None


def test_grouped_by_category_in_the_vocabulary_order(directory):
    view, html = render(directory)
    assert [group["category"] for group in view.groups()] == ["associations", "commerces", "sante"]
    assert titles(view) == [
        "Club de pétanque",  # the test user is a Manager here: the draft is listed
        "Les Coteaux en fête",
        "Boulangerie des Coteaux",
        "Cabinet médical du Bourg",
        "Pharmacie de la Loire",
    ]
    assert html.index('id="directory-group-associations"') < html.index(
        'id="directory-group-sante"'
    )
    assert 'role="status"' in html


def test_filter_by_category(directory):
    view, html = render(directory, category="sante")
    assert titles(view) == ["Cabinet médical du Bourg", "Pharmacie de la Loire"]
    assert view.batch().sequence_length == 2
    assert re.search(r"<option value=\"sante\" selected=\"selected\"", html)


def test_filter_by_text(directory):
    view, _html = render(directory, text="levain")
    assert titles(view) == ["Boulangerie des Coteaux"]
    view, _html = render(directory, text="médecins")
    assert titles(view) == ["Cabinet médical du Bourg"]
    # The address and the category's name are searched too.
    view, _html = render(directory, text="Saint-Aubin", category="commerces")
    assert titles(view) == ["Boulangerie des Coteaux"]
    view, _html = render(directory, text="rien de tel ici")
    assert titles(view) == []


@pytest.mark.parametrize("text", ['"', "(", "()"])
def test_text_the_index_cannot_parse_finds_nothing(directory, text):
    view, _html = render(directory, text=text)
    assert titles(view) == []


@pytest.mark.parametrize("category", ["piscine", "<script>alert(1)</script>", ["sante", "x"]])
def test_unknown_or_odd_category_is_ignored_with_a_message(directory, category):
    view, html = render(directory, category=category)
    if isinstance(category, list):  # ?category=sante&category=x: the first one counts
        assert titles(view) == ["Cabinet médical du Bourg", "Pharmacie de la Loire"]
        assert "mairie-directory-unknown-category" not in html
        return
    assert len(titles(view)) == 5
    assert "mairie-directory-unknown-category" in html
    assert "<script>alert(1)</script>" not in html
    message = html[html.index("mairie-directory-unknown-category") :]
    assert ("piscine" if category == "piscine" else "&lt;script&gt;") in message[:400]


def test_batches(directory):
    view, html = render(directory, page_size=2)
    assert titles(view) == ["Club de pétanque", "Les Coteaux en fête"]
    assert "b_start:int=2" in html  # the batch navigation
    assert len(map_data(html)["markers"]) == 4  # the map shows every page's entries
    view, _html = render(directory, page_size=2, b_start="4")
    assert titles(view) == ["Pharmacie de la Loire"]
    view, _html = render(directory, b_start="beaucoup")
    assert len(titles(view)) == 5


def test_map_data_holds_the_entries_with_coordinates(directory):
    _view, html = render(directory)
    data = map_data(html)
    assert [marker["title"] for marker in data["markers"]] == [
        "Club de pétanque",
        "Les Coteaux en fête",
        "Boulangerie des Coteaux",
        "Pharmacie de la Loire",
    ]
    pharmacy = data["markers"][-1]
    assert (pharmacy["lat"], pharmacy["lon"]) == (47.3918, -0.4021)
    assert pharmacy["url"] == directory["pharmacie"].absolute_url()
    assert pharmacy["address"] == "1 place de la Mairie, 49170 Saint-Aubin-sur-Loire"
    assert data["tiles"] == OSM_TILES
    # Only where there is a map: Leaflet is not loaded site-wide.
    assert "++resource++mairie.directory/leaflet/leaflet.js" in html
    front = directory.aq_parent.restrictedTraverse("@@listing_view")()
    assert "leaflet" not in front


def test_map_follows_the_filters_and_disappears_without_markers(directory):
    _view, html = render(directory, category="sante")
    assert [marker["title"] for marker in map_data(html)["markers"]] == ["Pharmacie de la Loire"]
    _view, html = render(directory, category="ecoles")
    assert map_data(html) is None
    assert "leaflet.js" not in html


def test_map_data_cannot_close_its_script_element(directory):
    with api.env.adopt_roles(["Manager"]):
        directory["pharmacie"].title = "Pharmacie </script><script>alert(1)</script>"
        directory["pharmacie"].reindexObject()
    _view, html = render(directory)
    assert "</script><script>alert(1)" not in html
    assert map_data(html)["markers"][-1]["title"].startswith("Pharmacie </script>")


def test_without_leaflet_the_list_stays_and_the_map_goes(directory, monkeypatch, tmp_path):
    monkeypatch.setattr(geomap, "LEAFLET", tmp_path / "not-built")
    view, html = render(directory)
    assert len(titles(view)) == 5
    assert "mairie-directory-map" not in html
    assert "leaflet" not in html


def test_tiles_come_from_the_commune_settings(directory):
    api.portal.set_registry_record(
        "mairie.commune.map_tiles", "https://tiles.example.fr/plan/{z}/{x}/{y}.png"
    )
    api.portal.set_registry_record("mairie.commune.map_attribution", "© IGN")
    data = map_data(render(directory)[1])
    assert (data["tiles"], data["attribution"]) == (
        "https://tiles.example.fr/plan/{z}/{x}/{y}.png",
        "© IGN",
    )
    # A value an administrator broke in the registry falls back to OpenStreetMap.
    api.portal.set_registry_record("mairie.commune.map_tiles", "http://tiles.example.fr/{z}.png")
    assert map_data(render(directory)[1])["tiles"] == OSM_TILES


def test_entry_page(directory):
    entry = directory["pharmacie"]
    with api.env.adopt_roles(["Manager"]):
        entry.phone = "02 41 77 18 60"
        entry.email = "pharmacie@example.fr"
        entry.website = "https://pharmacie.example.fr"
    html = entry.restrictedTraverse("@@directory_entry_view")()
    assert 'href="tel:0241771860"' in html
    assert 'href="mailto:pharmacie@example.fr"' in html
    assert 'href="https://pharmacie.example.fr"' in html
    assert f'href="{directory.absolute_url()}?category=sante"' in html
    assert [marker["title"] for marker in map_data(html)["markers"]] == ["Pharmacie de la Loire"]
    without = directory["cabinet"].restrictedTraverse("@@directory_entry_view")()
    assert map_data(without) is None


def test_entry_page_shows_the_opening_hours(directory):
    entry = directory["boulangerie"]
    assert "mairie-hours" not in entry.restrictedTraverse("@@directory_entry_view")()
    with api.env.adopt_roles(["Manager"]):
        entry.opening_hours = [{"day": "mardi", "opens": "07:00", "closes": "13:00"}]
    html = entry.restrictedTraverse("@@directory_entry_view")()
    assert 'class="table mairie-hours-week"' in html
    assert html.index("mairie-hours-week") < html.index("mairie-directory-map-section")
