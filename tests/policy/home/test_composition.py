"""« Page d'accueil » in Site Setup: the order, the hidden blocks and the tiles, checked."""

from .pages import fetch
from .pages import french
from .pages import text
from .test_home_page import blocks
from mairie.policy import _
from mairie.policy.home.composition import moved
from mairie.themes.catalog import templates
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

import lxml.html
import pytest
import requests
import transaction


@pytest.fixture
def panel(base_url):
    """A manager's session on the control panel, and the form's fields as a browser sends them."""
    session = requests.Session()
    session.auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    url = f"{base_url}/@@page-d-accueil-controlpanel"

    def fields():
        """What the server has stored, as its form shows it."""
        response = session.get(url, timeout=60)
        assert response.status_code == 200
        form = lxml.html.fromstring(response.text).cssselect("form.mairie-home-controlpanel")[0]
        return [
            (field.get("name"), _value(field))
            for field in form.cssselect("input, select")
            if field.get("type") != "checkbox" or field.get("checked") is not None
        ]

    def follows_template():
        response = session.get(url, timeout=60)
        message = french(
            _(
                "home_follows_template",
                default="The blocks follow the order of the graphic template.",
            )
        )
        return " ".join(message.split()) in " ".join(response.text.split())

    def post(data):
        response = session.post(url, data=data, timeout=60, allow_redirects=False)
        return response

    fields.follows_template = follows_template
    return fields, post


def _value(field) -> str:
    """What a browser sends for the field: a list's selected option, else its first."""
    if field.tag == "select":
        options = field.cssselect("option[selected]") or field.cssselect("option")
        return options[0].get("value") or ""
    return field.get("value") or ""


def stored(fields):
    return [field for field in fields() if field[0] != "_authenticator"]


def errors(response):
    if response.status_code != 200:
        return response.status_code
    return [text(li) for li in lxml.html.fromstring(response.text).cssselect(".alert-danger li")]


def test_bad_input_is_refused_in_french(panel):
    fields, post = panel
    form = fields()
    before = stored(fields)

    def changed(name, old, new):
        """The form with the first ``name`` field of value ``old`` set to ``new``."""
        position = form.index((name, old))
        return [*form[:position], (name, new), *form[position + 1 :]]

    cases = {
        "meteo": (
            changed("blocks:list", "news", "meteo"),
            _(
                "home_error_unknown_block",
                default="Unknown block “${name}”.",
                mapping={"name": "meteo"},
            ),
        ),
        "twice": (
            changed("blocks:list", "agenda", "news"),
            _(
                "home_error_duplicate_block",
                default="The block “${name}” is given twice.",
                mapping={"name": "news"},
            ),
        ),
        "no title": (
            changed("tile_title:list", next(v for k, v in form if k == "tile_title:list"), ""),
            _(
                "home_error_tile_title",
                default="Tile ${position}: a title is required.",
                mapping={"position": 1},
            ),
        ),
        "javascript": (
            changed("tile_url:list", "/demarches", "javascript:alert(1)"),
            _(
                "home_error_tile_url",
                default="Tile ${position}: the link must be a page of the site "
                "starting with “/” or an address starting with “https://”.",
                mapping={"position": 1},
            ),
        ),
    }
    found = {name: errors(post([*data, ("save", "")])) for name, (data, _m) in cases.items()}
    assert found == {name: [french(message)] for name, (_d, message) in cases.items()}
    assert stored(fields) == before


def test_order_follows_the_template_then_the_editor(panel, registry, base_url):
    fields, post = panel
    bocage = list(templates()["bocage"].blocks)
    assert blocks(fetch(base_url)) == bocage

    # Saving the form untouched keeps following the template.
    assert post([*fields(), ("save", "")]).status_code == 302
    assert fields.follows_template()

    # Move "quick-access" up and hide "services", without JavaScript.
    data = [field for field in fields() if field != ("shown:list", "services")]
    assert post([*data, ("move", "quick-access:up")]).status_code == 302
    chosen = moved(bocage, "quick-access", -1)
    assert not fields.follows_template()
    assert [value for key, value in fields() if key == "blocks:list"] == list(chosen)
    assert ("shown:list", "services") not in fields()
    shown = [block for block in chosen if block != "services"]
    assert blocks(fetch(base_url)) == shown

    # A new template keeps the editor's order...
    registry._p_jar.sync()  # this test's connection sees what the server committed
    registry["mairie.commune.template"] = "lavande"
    transaction.commit()
    assert blocks(fetch(base_url)) == shown
    # ... until the editor goes back to the template's order; hidden blocks stay hidden.
    assert post([*fields(), ("reset", "")]).status_code == 302
    lavande = [block for block in templates()["lavande"].blocks if block != "services"]
    assert blocks(fetch(base_url)) == lavande


def test_tiles_are_edited(panel, base_url):
    fields, post = panel
    data = [(key, value) for key, value in fields() if not key.startswith("tile_")]
    data += [
        ("tile_title:list", "Payer la cantine"),
        ("tile_url:list", "https://www.payfip.gouv.fr/"),
        ("tile_icon:list", "credit-card"),
        ("tile_title:list", ""),
        ("tile_url:list", ""),
        ("tile_icon:list", ""),
    ]
    assert post([*data, ("save", "")]).status_code == 302
    assert [field for field in stored(fields) if field[0].startswith("tile_")][:3] == [
        ("tile_title:list", "Payer la cantine"),
        ("tile_url:list", "https://www.payfip.gouv.fr/"),
        ("tile_icon:list", "credit-card"),
    ]
    links = fetch(base_url).cssselect(".mairie-tile__link")
    assert [(text(a), a.get("href")) for a in links] == [
        ("Payer la cantine", "https://www.payfip.gouv.fr/")
    ]
    assert links[0].cssselect(".mairie-tile__icon[aria-hidden=true] svg")


def test_the_icon_is_picked_from_a_list_in_french(panel, base_url):
    """Editors typed a Bootstrap icon's name (« clock »): they now pick it by what it shows."""
    fields, post = panel
    data = [(key, value) for key, value in fields() if not key.startswith("tile_")]
    data += [
        ("tile_title:list", "Horaires"),
        ("tile_url:list", "/ma-mairie"),
        ("tile_icon:list", "clock"),
        # An icon Plone ships that the list does not offer, chosen before the list existed.
        ("tile_title:list", "Festival"),
        ("tile_url:list", "/agenda"),
        ("tile_icon:list", "stars"),
    ]
    assert post([*data, ("save", "")]).status_code == 302
    page = lxml.html.fromstring(
        requests.get(
            f"{base_url}/@@page-d-accueil-controlpanel",
            auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
            timeout=60,
        ).text
    )
    first, second, empty = page.cssselect("select[name='tile_icon:list']")[:3]
    assert text(first.cssselect("option[selected]")[0]) == "Horloge (horaires)"
    assert text(second.cssselect("option[selected]")[0]) == "Autre : stars"
    assert not empty.cssselect("option[selected]")
    assert text(empty.cssselect("option")[0]) == "Icône par défaut (un lien)"
    assert "Vélo" in [text(option) for option in first.cssselect("option")]
    label = page.cssselect(f"label[for='{first.get('id')}']")[0]
    assert text(label) == "Icône de la tuile 1"
    # What is stored is still the icon's name; a name Plone does not have is refused.
    assert ("tile_icon:list", "stars") in stored(fields)
    refused = post([*data[:-1], ("tile_icon:list", "licorne"), ("save", "")])
    assert any("licorne" in error for error in errors(refused))
