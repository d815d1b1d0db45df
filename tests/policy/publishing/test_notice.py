"""« Cette page est privée » at the top of an item residents cannot see, for its editors only.

Over HTTP, as the commune's staff use the back-office: an editor creates a page through
Plone's add form and reads the notice at once, publishes it from the notice's button; an
editor who may not publish asks for it and is told who publishes; someone who only reads
the page (a local Reader) and visitors never see it.
"""

from mairie.policy.accounts.groups import ensure_groups
from plone import api
from zope.component.hooks import setSite

import html
import pytest
import re
import requests
import transaction


PASSWORD = "cheval agrafe batterie correcte 42"
EDITOR = ("redactrice", PASSWORD)
CONTRIBUTOR = ("stagiaire", PASSWORD)  # may write, may not publish
READER = ("lectrice", PASSWORD)
PRIVATE = "Cette page est privée : les habitants ne la voient pas."
PENDING = "Cette page attend d'être publiée : les habitants ne la voient pas encore."


@pytest.fixture
def portal(functional):
    portal = functional["portal"]
    setSite(portal)
    portal.portal_workflow.setDefaultChain("simple_publication_workflow")
    with api.env.adopt_roles(["Manager"]):
        ensure_groups(portal)
        for login, _password in (EDITOR, CONTRIBUTOR, READER):
            api.user.create(username=login, email=f"{login}@example.net", password=PASSWORD)
        api.group.add_user(groupname="redacteurs", username=EDITOR[0])
        api.user.grant_roles(username=CONTRIBUTOR[0], roles=["Contributor", "Editor"])
    transaction.commit()
    return portal


def _text(response) -> str:
    assert response.status_code == 200, response.text[-2000:]
    return html.unescape(response.text)


def _notice(page: str) -> str | None:
    found = re.search(r'<div class="mairie-publication-notice.*?</div>', page, re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found.group(0))).strip() if found else None


def _create_page(portal, auth, title) -> requests.Response:
    """Plone's « Page » add form, filled in and sent as the editor does."""
    session = requests.Session()
    session.auth = auth
    url = f"{portal.absolute_url()}/++add++Document"
    form = _text(session.get(url, timeout=30))
    title_name = re.search(r'name="(form\.widgets\.[\w.]*title)"', form).group(1)
    token = re.search(r'name="_authenticator"[^>]*value="([^"]+)"', form).group(1)
    data = {title_name: title, "_authenticator": token, "form.buttons.save": "Enregistrer"}
    return session.post(url, data=data, timeout=30)


def _press(page: str, auth) -> requests.Response:
    """Send the notice's form (its button)."""
    form = re.search(r'<div class="mairie-publication-notice.*?<form(.*?)</form>', page, re.S)
    action = re.search(r'action="([^"]+)"', form.group(1)).group(1)
    fields = dict(re.findall(r'name="([^"]+)"\s+type="hidden"\s+value="([^"]*)"', form.group(1)))
    fields.update(re.findall(r'type="hidden"\s+name="([^"]+)"\s+value="([^"]*)"', form.group(1)))
    return requests.post(action, data=fields, auth=auth, timeout=30)


def test_a_new_page_tells_its_editor_and_publishes_from_the_notice(portal):
    created = _create_page(portal, EDITOR, "Fête de la musique")
    page = _text(created)
    assert "/fete-de-la-musique" in created.url, created.url
    notice = _notice(page)
    assert notice.startswith(PRIVATE), notice
    assert "Publier" in notice
    assert "demandez" not in notice  # she may publish
    # Not on the edit form: unsaved changes would be lost.
    url = created.url.removesuffix("/view")
    edit = _text(requests.get(f"{url}/edit", auth=EDITOR, timeout=30))
    assert _notice(edit) is None

    published = _text(_press(page, EDITOR))
    assert _notice(published) is None
    transaction.begin()
    assert api.content.get_state(portal["fete-de-la-musique"]) == "published"
    visitor = requests.get(url, timeout=30)
    assert visitor.status_code == 200
    assert "mairie-publication-notice" not in visitor.text


def test_who_may_not_publish_asks_and_is_told_who_publishes(portal):
    created = _create_page(portal, CONTRIBUTOR, "Brocante")
    page = _text(created)
    notice = _notice(page)
    assert notice.startswith(PRIVATE), notice
    assert "Demander la publication" in notice
    assert "Publier" not in notice
    assert "« Administrateurs de la commune », « Rédacteurs »" in notice

    pending = _notice(_text(_press(page, CONTRIBUTOR)))
    transaction.begin()
    assert api.content.get_state(portal["brocante"]) == "pending"
    assert pending.startswith(PENDING), pending
    assert "« Rédacteurs »" in pending
    # The editors publish it from the same notice.
    editor_page = _text(requests.get(created.url, auth=EDITOR, timeout=30))
    assert "Publier" in _notice(editor_page)


def test_readers_and_visitors_never_see_it(portal):
    with api.env.adopt_roles(["Manager"]):
        private = api.content.create(container=portal, type="Document", id="projet", title="Projet")
        public = api.content.create(container=portal, type="Document", id="public", title="Public")
        api.content.transition(public, "publish")
        api.user.grant_roles(username=READER[0], obj=private, roles=["Reader"])
    transaction.commit()
    reader = _text(requests.get(private.absolute_url(), auth=READER, timeout=30))
    assert "Projet" in reader  # she sees the page…
    assert _notice(reader) is None  # …but may not change it
    assert "mairie-publication-notice" not in requests.get(public.absolute_url(), timeout=30).text
    assert PRIVATE not in html.unescape(requests.get(private.absolute_url(), timeout=30).text)
