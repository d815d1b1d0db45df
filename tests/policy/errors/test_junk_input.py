"""Junk input, methods and addresses get a 4xx with a short French page (JSON for REST), never a 500."""

from mairie.policy.errors.views import MESSAGES
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from zope.component.hooks import setSite
from zope.i18n import translate

import pytest
import requests
import transaction


HTML = {"Accept": "text/html"}
JSON = {"Accept": "application/json"}


def fr(message) -> str:
    return translate(message, domain="mairie.policy", target_language="fr")


def request(method, url, headers=None, **kwargs):
    return requests.request(
        method, url, headers=headers or {}, timeout=30, allow_redirects=False, **kwargs
    )


def assert_french_page(response, status):
    assert response.status_code == status, response.text[:500]
    assert response.headers["Content-Type"].startswith("text/html")
    assert 'lang="fr"' in response.text
    title, text = MESSAGES[status]
    assert fr(title) in response.text and fr(text) in response.text
    assert "Traceback" not in response.text
    assert "Content-Security-Policy" in response.headers


def assert_french_json(response, status):
    assert response.status_code == status, response.text[:500]
    assert response.headers["Content-Type"].startswith("application/json")
    assert response.json()["message"] == fr(MESSAGES[status][1])
    assert "traceback" not in response.json()


@pytest.fixture
def site(functional):
    portal = functional["portal"]
    setSite(portal)
    portal.portal_workflow.setDefaultChain("simple_publication_workflow")
    with api.env.adopt_roles(["Manager"]):
        register = api.content.create(
            container=portal, type="mairie.ActsRegister", id="actes", title="Registre des actes"
        )
        api.content.transition(obj=register, transition="publish")
    transaction.commit()
    return portal


@pytest.mark.parametrize("accept", ["text/html", "*/*", None])
@pytest.mark.parametrize("path", ["", "actes", "actes/@@register_view", "@@search"])
def test_a_value_its_converter_cannot_read_is_a_bad_request(site, path, accept):
    headers = {"Accept": accept} if accept else {}
    response = request("GET", f"{site.absolute_url()}/{path}?b_start:int=abc", headers)
    assert_french_page(response, 400)


def test_a_converter_error_on_the_rest_api_is_a_bad_request(site):
    response = request("GET", f"{site.absolute_url()}/@search?b_start:int=abc", JSON)
    assert_french_json(response, 400)


@pytest.mark.parametrize("text", ["(", '"', "AND", "a OR"])
def test_register_search_with_unparsable_words(site, text):
    response = request("GET", f"{site.absolute_url()}/actes", HTML, params={"text": text})
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert_french_page(response, 400)


@pytest.mark.parametrize("params", [{"SearchableText": '"'}, {"path.depth": "abc"}])
def test_rest_search_with_junk_query(site, params):
    response = request("GET", f"{site.absolute_url()}/@search", JSON, params=params)
    assert_french_json(response, 400)


def test_rest_search_with_a_lone_bracket_finds_nothing(site):
    response = request(
        "GET", f"{site.absolute_url()}/@search", JSON, params={"SearchableText": "("}
    )
    assert response.status_code == 200
    assert response.json() == []  # plone.restapi handles this one itself


@pytest.mark.parametrize("accept", ["*/*", "text/html", None, "image/webp,*/*"])
def test_a_browser_gets_the_french_404_page(site, accept):
    headers = {"Accept": accept} if accept else {}
    response = request("GET", f"{site.absolute_url()}/nulle-part", headers)
    assert response.status_code == 404
    assert response.headers["Content-Type"].startswith("text/html")
    assert 'lang="fr"' in response.text
    assert "error_type" not in response.text


def test_the_rest_api_keeps_its_json_404(site):
    response = request("GET", f"{site.absolute_url()}/nulle-part", JSON)
    assert response.status_code == 404
    assert response.json()["type"] == "NotFound"


@pytest.mark.parametrize(
    "method",
    [
        "PUT",
        "DELETE",
        "PROPFIND",
        "PROPPATCH",
        "OPTIONS",
        "MKCOL",
        "LOCK",
        "UNLOCK",
        "COPY",
        "MOVE",
        "PATCH",
        "TRACE",
        "FOO",
    ],
)
@pytest.mark.parametrize("path", ["", "contact-info", "@@search", "actes", "actes/register_view"])
def test_methods_other_than_get_and_post_are_not_allowed(site, method, path):
    response = request(method, f"{site.absolute_url()}/{path}", HTML)
    if method == "TRACE" or response.request.method == "HEAD":
        assert response.status_code == 405
        return
    assert_french_page(response, 405)
    assert response.headers["Allow"] == "GET, HEAD, POST"


def test_rest_keeps_its_answers_for_the_methods_it_serves(site):
    setRoles(site, TEST_USER_ID, ["Manager"])
    transaction.commit()
    # Anonymous: plone.restapi's own refusal, in JSON.
    response = request("PATCH", f"{site.absolute_url()}/actes", JSON, json={"title": "X"})
    assert response.status_code == 401
    assert response.json()["type"] == "Unauthorized"
    response = request("DELETE", f"{site.absolute_url()}/actes", JSON)
    assert response.status_code == 401


@pytest.mark.parametrize(
    "path",
    [
        "portal_skins",
        "portal_skins/plone_images",
        "portal_workflow",
        "portal_types",
        "portal_actions",
        "portal_membership",
        "portal_groups",
        "portal_memberdata",
        "portal_url",
        "portal_diff",
        "portal_password_reset",
        "portal_registration",
        "portal_migration",
        "portal_view_customizations",
        "portal_historiesstorage",
        "portal_repository",
        "portal_archivist",
        "plone_utils",
        "translation_service",
        "content_type_registry",
        "error_log",
        "MailHost",
        "HTTPCache",
        "RAMCache",
        "portal_resources",
    ],
)
def test_tools_have_no_page(site, path):
    response = request("GET", f"{site.absolute_url()}/{path}")
    assert response.status_code == 404, response.text[:300]
    assert 'lang="fr"' in response.text
    assert " at " + path.split("/")[-1] not in response.text


def test_a_protected_tool_is_refused_before_it_is_published(site):
    # Its default view needs a permission: Zope refuses it during traversal.
    response = request("GET", f"{site.absolute_url()}/portal_catalog")
    assert response.status_code == 403
    assert 'lang="fr"' in response.text and "error_type" not in response.text


def test_pages_and_files_are_still_published(site):
    assert request("GET", site.absolute_url()).status_code == 200
    assert request("GET", f"{site.absolute_url()}/actes").status_code == 200
    assert request("GET", f"{site.absolute_url()}/favicon.ico").status_code == 200
    assert request("HEAD", f"{site.absolute_url()}/contact-info").status_code == 200
