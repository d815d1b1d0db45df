"""A form with a "Captcha" field, sent over HTTP as a visitor does."""

from .solver import solve
from collective.easyform.api import get_schema
from mairie.policy.captcha.field import captcha_names
from mairie.policy.captcha.field import CaptchaFailed
from plone import api
from zope.component.hooks import setSite
from zope.i18n import translate

import html
import pytest
import re
import requests
import transaction


KEY = "clé-captcha-de-la-commune-de-test"
FIELDS = """<model xmlns="http://namespaces.plone.org/supermodel/schema"><schema>
  <field name="message" type="zope.schema.TextLine"><title>Message</title></field>
  <field name="captcha" type="mairie.policy.captcha.field.Captcha"><title>Vérification</title></field>
</schema></model>"""
ACTIONS = """<model xmlns="http://namespaces.plone.org/supermodel/schema"
  xmlns:easyform="http://namespaces.plone.org/supermodel/easyform"><schema>
  <field name="saved" type="collective.easyform.actions.SaveData"><title>Saved</title></field>
</schema></model>"""


def refused():
    """The message as the French site shows it (the catalogues load with the test layer)."""
    return translate(CaptchaFailed.__doc__, target_language="fr")


@pytest.fixture
def form(functional):
    portal = functional["portal"]
    setSite(portal)
    api.portal.set_registry_record("mairie.commune.captcha_key", KEY)
    with api.env.adopt_roles(["Manager"]):
        form = api.content.create(
            container=portal,
            type="EasyForm",
            id="contact",
            title="Contact",
            fields_model=FIELDS,
            actions_model=ACTIONS,
        )
    # No workflow for forms in the test layer's site: anonymous visitors see it.
    transaction.commit()
    return form


def _saved(form):
    transaction.begin()
    return len(form._inputStorage.get("saved", {})) if hasattr(form, "_inputStorage") else 0


def _send(form, captcha):
    session = requests.Session()
    page = session.get(form.absolute_url(), timeout=30).text
    data = {"form.widgets.message": "Bonjour", "form.buttons.submit": "Envoyer"}
    if captcha is not None:
        data["form.widgets.captcha"] = captcha
    token = re.search(r'name="_authenticator" value="([^"]+)"', page)
    if token:
        data["_authenticator"] = token.group(1)
    return page, html.unescape(session.post(form.absolute_url(), data=data, timeout=30).text)


def _challenge(form):
    response = requests.get(f"{api.portal.get().absolute_url()}/@@altcha-challenge", timeout=30)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    return response.json()


def test_the_form_shows_the_widget_and_its_local_script(form):
    page, _answer = _send(form, None)
    assert "<altcha-widget" in page
    assert "@@altcha-challenge" in page
    assert "++resource++mairie.captcha/altcha/altcha.js" in page


@pytest.mark.parametrize("captcha", [None, "", "bm9uLXNlbnM="])
def test_a_missing_or_wrong_answer_is_refused_and_nothing_stored(form, captcha):
    _page, answer = _send(form, captcha)
    assert refused() in answer
    assert _saved(form) == 0


def test_a_solved_challenge_is_accepted_once(form):
    payload = solve(_challenge(form))
    _page, answer = _send(form, payload)
    assert refused() not in answer
    assert _saved(form) == 1
    _page, answer = _send(form, payload)  # the same answer again
    assert refused() in answer
    assert _saved(form) == 1


def test_without_a_key_the_captcha_is_off(form):
    setSite(form.aq_parent)
    api.portal.set_registry_record("mairie.commune.captcha_key", "")
    transaction.commit()
    page, answer = _send(form, None)
    assert "<altcha-widget" not in page
    assert 'for="form-widgets-captcha"' not in page  # no label naming nothing
    assert _saved(form) == 1
    url = f"{api.portal.get().absolute_url()}/@@altcha-challenge"
    assert requests.get(url, timeout=30).status_code == 404


def test_the_captcha_is_no_answer(form):
    assert captcha_names(get_schema(form)) == {"captcha"}


def test_required_follows_the_key_so_that_rest_cannot_skip_it(form):
    field = get_schema(form)["captcha"]
    assert field.required
    api.portal.set_registry_record("mairie.commune.captcha_key", "")
    assert not field.required
