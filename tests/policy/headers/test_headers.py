"""Security headers and cookie flags on every response, over real HTTP."""

from plone.app.testing import setRoles
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME
from plone.app.testing import TEST_USER_PASSWORD
from Products.SiteAccess.VirtualHostMonster import manage_addVirtualHostMonster

import pytest
import requests
import transaction


def get(url, **kwargs):
    return requests.get(url, timeout=30, allow_redirects=False, **kwargs)


def directives(response) -> dict:
    policy = response.headers["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


@pytest.mark.parametrize("path,status", [("", 200), ("nulle-part", 404), ("folder_contents", 302)])
def test_every_response_has_the_headers(functional, path, status):
    response = get(f"{functional['portal'].absolute_url()}/{path}")
    assert response.status_code == status
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    policy = directives(response)
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert "Strict-Transport-Security" not in response.headers


def test_editing_ui_gets_inline_scripts_only_when_authenticated(functional):
    response = get(functional["portal"].absolute_url(), auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD))
    assert directives(response)["script-src"] == ["'self'", "'unsafe-inline'", "'unsafe-eval'"]


def test_map_tiles_origin_is_allowed(functional):
    portal = functional["portal"]
    portal.portal_registry["mairie.commune.map_tiles"] = (
        "https://{s}.tile.example.fr/{z}/{x}/{y}.png"
    )
    transaction.commit()
    assert "https://*.tile.example.fr" in directives(get(portal.absolute_url()))["img-src"]


def test_newsletter_provider_origin_is_allowed(functional):
    portal = functional["portal"]
    portal.portal_registry["mairie.commune.newsletter_widget"] = (
        '<form action="https://lettres.example.com/inscription" method="post"></form>'
        '<script src="https://cdn.example.net/widget.js"></script>'
    )
    transaction.commit()
    policy = directives(get(portal.absolute_url()))
    assert "https://cdn.example.net" in policy["script-src"]
    assert "https://lettres.example.com" in policy["form-action"]


def test_hsts_behind_a_trusted_https_proxy(functional):
    url = functional["portal"].absolute_url()
    response = get(url, headers={"X-Forwarded-Proto": "https"})
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000"


def test_hsts_not_on_a_forged_scheme(functional):
    portal = functional["portal"]
    portal.portal_registry["mairie.agency.trusted_proxies"] = ()
    transaction.commit()
    response = get(portal.absolute_url(), headers={"X-Forwarded-Proto": "https"})
    assert "Strict-Transport-Security" not in response.headers


def test_hsts_with_https_virtual_hosting(functional):
    app = functional["app"]
    if "virtual_hosting" not in app.objectIds():
        manage_addVirtualHostMonster(app, "virtual_hosting")
        transaction.commit()
    host, port = functional["host"], functional["port"]
    url = f"http://{host}:{port}/VirtualHostBase/https/www.commune.example.fr:443/plone/VirtualHostRoot/"
    response = get(url)
    assert response.status_code == 200
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000"


def login_cookie(functional, **headers) -> str:
    portal = functional["portal"]
    setRoles(portal, TEST_USER_ID, ["Member"])
    transaction.commit()
    response = requests.post(
        f"{portal.absolute_url()}/login",
        data={
            "__ac_name": TEST_USER_NAME,
            "__ac_password": TEST_USER_PASSWORD,
            "came_from": "",
            "buttons.login": "Se connecter",
        },
        headers=headers,
        timeout=30,
        allow_redirects=False,
    )
    return next(
        value
        for name, value in response.raw.headers.items()
        if name.lower() == "set-cookie" and value.startswith("__ac=")
    )


def test_session_cookie_flags_over_http(functional):
    cookie = login_cookie(functional)
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    assert "Secure" not in cookie


def test_session_cookie_is_secure_over_https(functional):
    cookie = login_cookie(functional, **{"X-Forwarded-Proto": "https"})
    assert "Secure" in cookie
    assert "HttpOnly" in cookie
