"""« Apparence de la commune » in Chromium: a native colour picker beside each hex code,
a live swatch and the contrast ratio with the white text each colour carries, a plain
French warning under 4.5:1, and the server still refusing such a colour."""

from browser import choose_cookies
from browser import logged_in
from mairie.policy.accounts.settings import settings
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from zope.component.hooks import setSite

import pytest
import requests
import transaction


pytestmark = pytest.mark.browser
PANEL = "@@apparence-de-la-commune"
FIELDS = ("palette_primary", "palette_secondary", "palette_footer_background")
PASSWORD = "cheval agrafe batterie correcte 42"
ADMINISTRATOR = ("secretaire", PASSWORD)
EDITOR = ("redactrice", PASSWORD)
LOW = "Contraste insuffisant avec le texte blanc : 2,5:1, il faut au moins 4,5:1."


def _box(page, field):
    return page.locator(f"#formfield-form-widgets-{field} .mairie-colour")


def test_each_colour_has_a_picker_a_swatch_and_its_contrast(commune, chromium):
    url = commune["url"]
    with logged_in(chromium, SITE_OWNER_NAME, SITE_OWNER_PASSWORD) as page:
        refused = []
        page.on("console", lambda message: refused.append(message.text))
        choose_cookies(page, url)
        page.goto(f"{url}/{PANEL}")
        for field in FIELDS:
            box = _box(page, field)
            assert box.locator("input[type=color]").is_visible(), field
            assert "lisible" in box.locator(".mairie-colour-contrast").inner_text(), field
        primary = _box(page, "palette_primary")
        code = primary.locator("input[type=text]")
        contrast = primary.locator(".mairie-colour-contrast")
        assert code.input_value() == "#1f4e79"
        assert primary.locator("input[type=color]").input_value() == "#1f4e79"

        code.fill("#7fa7d0")  # typed: the swatch and the ratio follow
        assert contrast.inner_text().startswith(LOW)
        assert "mairie-colour-low" in contrast.get_attribute("class")
        assert code.get_attribute("aria-invalid") == "true"
        swatch = primary.locator(".mairie-colour-swatch")
        assert swatch.evaluate("node => getComputedStyle(node).backgroundColor") == (
            "rgb(127, 167, 208)"
        )

        primary.locator("input[type=color]").fill("#8a1538")  # picked: the code follows
        assert code.input_value() == "#8a1538"
        assert contrast.inner_text().startswith("Contraste avec le texte blanc : 9,")
        assert code.get_attribute("aria-invalid") is None

        code.fill("bleu")
        assert "#rrggbb" in contrast.inner_text()
        assert [text for text in refused if "Content Security Policy" in text] == []


def test_the_server_refuses_what_the_page_warns_about(commune, chromium):
    url = commune["url"]
    with logged_in(chromium, SITE_OWNER_NAME, SITE_OWNER_PASSWORD) as page:
        choose_cookies(page, url)
        page.goto(f"{url}/{PANEL}")
        footer = _box(page, "palette_footer_background")
        footer.locator("input[type=color]").fill("#7fa7d0")
        page.get_by_role("button", name="Enregistrer").click()
        page.wait_for_load_state()
        field = page.locator("#formfield-form-widgets-palette_footer_background")
        assert "Contraste insuffisant : 2,5:1, il faut au moins 4,5:1" in field.inner_text()
        # The refused colour is shown again, with its warning, to be corrected.
        assert footer.locator("input[type=text]").input_value() == "#7fa7d0"
        assert footer.locator(".mairie-colour-contrast").inner_text().startswith(LOW)


def test_the_communes_administrator_sets_the_colours_an_editor_does_not(commune):
    site = commune["site"]
    setSite(site)
    with api.env.adopt_roles(["Manager"]):
        for (login, _password), group in (
            (ADMINISTRATOR, "administrateurs-commune"),
            (EDITOR, "redacteurs"),
        ):
            api.user.create(username=login, email=f"{login}@example.net", password=PASSWORD)
            api.group.add_user(groupname=group, username=login)
        # Her second factor is tested with the accounts; not the point here.
        settings().totp_required_roles = ()
    setSite(None)
    transaction.commit()
    url = commune["url"]
    overview = requests.get(f"{url}/@@overview-controlpanel", auth=ADMINISTRATOR, timeout=30)
    assert f"/{PANEL}" in overview.text
    panel = requests.get(f"{url}/{PANEL}", auth=ADMINISTRATOR, timeout=30)
    assert panel.status_code == 200
    assert 'type="color"' in panel.text
    editor = requests.get(f"{url}/{PANEL}", auth=EDITOR, timeout=30)
    assert 'type="color"' not in editor.text
