"""Every page type is valid HTML: the Nu HTML Checker (vnu.jar) finds no error.

The pages are those the layout check looks at (tests/themes/test_layout.py),
in the demo commune's template, as the server sends them (the markup, not the
DOM after the scripts ran): the visitors' pages anonymously, the agents' pages
and the edit forms logged in; and the three citizens' forms sent back with
their errors; and six pages in each of the other eleven templates. They are
written to var/html-valid/, then checked by one run of the checker (a
separate Java program, the `vnu-jar` npm package, installed by `make install`;
Java from Debian).
"""

from .pages import AGENTS
from .pages import agents_data
from .pages import PUBLIC
from .pages import TEMPLATE_PAGES
from .pages import use_template
from browser import logged_in
from lxml import html
from mairie.themes.catalog import templates
from pathlib import Path
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

import json
import pytest
import re
import shutil
import subprocess


pytestmark = pytest.mark.browser

VNU = "node_modules/vnu-jar/build/dist/vnu.jar"
PAGES = "var/html-valid"
# What Plone itself writes on the agents' pages (its toolbar, its edit forms),
# that our templates cannot change without copying Plone's: the start of the
# checker's message (a regular expression) → why it stays. None on the visitors' pages.
KNOWN = {
    r"Bad value “toolbar” for attribute “role” on element “section”": (
        "Plone's toolbar (plone.app.layout toolbar.pt) is a <section role=toolbar>"
    ),
    r"The “aria-label” attribute must not be specified on any “a” element": (
        "Plone's toolbar: its « Détacher » control is an <a> without href (toolbar.pt)"
    ),
    r"Attribute “icon” not allowed on element “a”": (
        "Plone's toolbar writes the icon name of each personal action as an attribute"
    ),
    r"Bad value “[^”]*/\+\+add\+\+[^”]* [^”]*” for attribute “href” on element “a”": (
        "Plone's add menu links to ++add++News Item, a type id with a space (plone.app.contentmenu)"
    ),
    r"Element “option” without attribute “label” must not be empty": (
        "Plone's select widgets write an empty « no value » option (plone.app.z3cform)"
    ),
    r"The value of the “for” attribute of the “label” element must be the ID of a non-hidden": (
        "Plone's rich text widget labels its textarea, hidden until TinyMCE starts"
    ),
}
# The three citizens' forms, sent back with their errors: the form's selector.
SENT_EMPTY = {
    "contact-form": "#form",
    "booking-form": "#content form",
    "payment-form": "#content form",
}


def _checker(root: Path) -> list[str]:
    java = shutil.which("java")
    jar = root / VNU
    missing = []
    if java is None:
        missing.append("Java (paquet Debian default-jre-headless : `make test` l'installe)")
    if not jar.is_file():
        missing.append(f"{VNU} (paquet npm vnu-jar : `make install`)")
    assert not missing, "Le vérificateur HTML ne peut pas tourner, il manque : " + ", ".join(
        missing
    )
    return [java, "-jar", str(jar), "--format", "json", "--errors-only"]


def _save(page, url: str, path: Path, follow: str | None = None) -> str:
    """Write the page as the server sends it; its address (after ``follow``, a link's selector)."""
    response = page.goto(url)
    assert response.ok, f"{path.stem}: HTTP {response.status} at {url}"
    if follow:
        url = html.fromstring(response.text()).cssselect(follow)[0].get("href")
        response = page.goto(url)
        assert response.ok, f"{path.stem}: HTTP {response.status} at {url}"
    path.write_text(response.text(), encoding="utf-8")
    return url


def _save_sent_empty(page, url: str, path: Path, form: str) -> None:
    """The form sent empty (past the browser's own checks): the page with its errors."""
    assert page.goto(url).ok
    page.eval_on_selector(form, "form => { form.noValidate = true; }")
    with page.expect_response(lambda response: response.request.method == "POST") as sent:
        page.locator(f"{form} [type=submit]").first.click()
    assert sent.value.ok, f"{path.stem}: HTTP {sent.value.status}"
    path.write_text(sent.value.text(), encoding="utf-8")


def _errors(command: list[str], folder: Path) -> list[dict]:
    files = sorted(str(path) for path in folder.glob("*.html"))
    done = subprocess.run([*command, *files], capture_output=True, text=True, timeout=600)
    # The checker writes its JSON report on stderr, exits 1 when it found errors.
    assert done.returncode in (0, 1), done.stderr[-2000:]
    return json.loads(done.stderr)["messages"]


def _known(message: str) -> bool:
    return any(re.match(pattern, message) for pattern in KNOWN)


def test_every_page_type_is_valid_html(demo_commune, demo_profile, chromium, pytestconfig):
    root = pytestconfig.rootpath
    command = _checker(root)
    site, base = demo_commune["site"], demo_commune["url"]
    agents, confirmation = agents_data(site)
    agents.update(AGENTS)
    public = {**PUBLIC, "booking-confirmation": confirmation}
    folder = root / PAGES
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    context = chromium.new_context(locale="fr-FR", timezone_id="Europe/Paris")
    try:
        page = context.new_page()
        urls = {name: f"{base}/{path}" for name, path in public.items()}
        for name, url in urls.items():
            _save(page, url, folder / f"{name}.html")
        slots = urls["booking-slots"]
        urls["booking-form"] = _save(
            page, slots, folder / "booking-form.html", follow=".mairie-rdv-slots a"
        )
        for name, form in SENT_EMPTY.items():
            _save_sent_empty(page, urls[name], folder / f"{name}-errors.html", form)
        # The pages that show a template's layout the most, in each of the others.
        for template in templates().values():
            if template.id == demo_profile.commune.template:
                continue
            use_template(site, template)
            for name in TEMPLATE_PAGES:
                _save(page, urls[name], folder / f"{template.id}-{name}.html")
    finally:
        context.close()
    # The agents' pages in the demo commune's own template, as its staff see them.
    use_template(site, templates()[demo_profile.commune.template])
    with logged_in(chromium, SITE_OWNER_NAME, SITE_OWNER_PASSWORD) as page:
        for name, path in agents.items():
            _save(page, f"{base}/{path}", folder / f"{name}.html")
    errors = _errors(command, folder)
    found = [
        f"{Path(error['url']).stem}, ligne {error.get('lastLine', '?')} : {error['message']}"
        for error in errors
        if not (Path(error["url"]).stem in agents and _known(error["message"]))
    ]
    assert not found, f"{len(found)} erreurs HTML (pages dans {PAGES}) :\n" + "\n".join(found)
    # The list stays minimal: what Plone no longer writes leaves it.
    seen = {pattern for pattern in KNOWN for error in errors if re.match(pattern, error["message"])}
    assert seen == set(KNOWN), f"KNOWN lists what the checker no longer finds: {set(KNOWN) - seen}"


def test_without_java_or_the_jar_the_check_fails_and_says_why(tmp_path, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(AssertionError) as refused:
        _checker(tmp_path)
    assert "default-jre-headless" in str(refused.value)
    assert "vnu-jar" in str(refused.value)
