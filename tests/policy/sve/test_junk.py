"""Junk sent to an online request, by the web form or POST @demande: a 400 in French, nothing stored."""

from .forms import fr
from .forms import submit
from mairie.policy import _
from mairie.policy.errors.hooks import TOO_DEEP
from mairie.policy.sve.records import all_requests
from mairie.policy.sve.services.submit import ATTACHMENT
from mairie.policy.sve.services.submit import WRONG_SHAPE
from zope.schema.interfaces import WrongType

import base64
import json
import pytest
import requests
import transaction


HEADERS = {"Accept": "application/json", "Content-Type": "application/json"}
BAD_EMAIL = _("error_sve_email", default="Give a valid e-mail address, such as nom@exemple.fr.")
BAD_BODY = _(
    "error_sve_body",
    default="The body of the request must be a JSON object of the form's answers.",
)
ANSWERS = {
    "name": "Jeanne Martin",
    "email": "jeanne.martin@example.net",
    "subject": "Horaires",
    "message": "Bonjour",
}
CONTROL_ADDRESSES = [
    "a@b.fr\u0000",
    "jeanne\u0000@example.net",
    "jeanne@example.net\r\nBcc: x@example.org",
    "jeanne@exa\u0007mple.net",
]


def post(form, data: bytes):
    return requests.post(f"{form.absolute_url()}/@demande", data=data, headers=HEADERS, timeout=30)


def assert_nothing_stored(form, smtp):
    transaction.begin()
    assert all_requests(form) == []
    assert smtp.messages == []


@pytest.mark.parametrize(
    "data",
    [
        b"{not json",
        b'"a string"',
        b"[1, 2]",
        b"null",
    ],
    ids=["invalid", "string", "array", "null"],
)
def test_a_body_that_is_not_an_object(site, smtp, data):
    form = site["demarches"]["nous-contacter"]
    response = post(form, data)
    assert response.status_code == 400, response.text[:300]
    assert response.json() == {"message": fr(BAD_BODY)}
    assert_nothing_stored(form, smtp)


@pytest.mark.parametrize(
    "data",
    [b"[" * 100_000 + b"]" * 100_000, b'{"name": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"],
    ids=["array", "value"],
)
def test_a_body_nested_too_deep(site, smtp, data):
    form = site["demarches"]["nous-contacter"]
    response = post(form, data)
    assert response.status_code == 400, response.text[:300]
    assert response.json()["message"] == fr(TOO_DEEP)
    assert_nothing_stored(form, smtp)


@pytest.mark.parametrize(
    "attachment",
    [
        "JVBERi0xLjQ=",
        ["JVBERi0xLjQ="],
        {"filename": "p.pdf"},
        {"data": 42, "encoding": "base64"},
        {"data": base64.b64encode(b"%PDF-1.4").decode(), "encoding": "zlib"},
        {"data": "JVBERi0xLjQ=", "encoding": "base64", "filename": ["p.pdf"]},
    ],
    ids=["string", "list", "no-data", "data-not-text", "zlib", "filename-not-text"],
)
def test_an_attachment_of_the_wrong_shape(site, smtp, attachment):
    form = site["demarches"]["nous-contacter"]
    response = post(form, json.dumps(dict(ANSWERS, attachment=attachment)).encode())
    assert response.status_code == 400, response.text[:300]
    assert response.json()["errors"] == [{"field": "attachment", "message": fr(ATTACHMENT)}]
    assert_nothing_stored(form, smtp)


def test_base64_that_does_not_decode(site, smtp):
    form = site["demarches"]["nous-contacter"]
    attachment = {"data": "%%%", "encoding": "base64", "filename": "p.pdf"}
    response = post(form, json.dumps(dict(ANSWERS, attachment=attachment)).encode())
    assert response.status_code == 400, response.text[:300]
    assert response.json()["errors"] == [{"field": "attachment", "message": fr(ATTACHMENT)}]
    assert_nothing_stored(form, smtp)


@pytest.mark.parametrize("value", [["Jeanne"], {"a": 1}, 42, True])
def test_an_answer_of_the_wrong_type(site, smtp, value):
    form = site["demarches"]["nous-contacter"]
    response = post(form, json.dumps(dict(ANSWERS, name=value)).encode())
    assert response.status_code == 400, response.text[:300]
    [error] = response.json()["errors"]
    assert error["field"] == "name"
    assert error["message"] in (fr(WRONG_SHAPE), fr(WrongType.__doc__))
    assert_nothing_stored(form, smtp)


@pytest.mark.parametrize("address", CONTROL_ADDRESSES)
def test_control_characters_in_the_address_by_rest(site, smtp, address):
    form = site["demarches"]["nous-contacter"]
    response = post(form, json.dumps(dict(ANSWERS, email=address)).encode())
    assert response.status_code == 400, response.text[:300]
    assert [error["field"] for error in response.json()["errors"]] == ["email"]
    assert_nothing_stored(form, smtp)


@pytest.mark.parametrize("address", ["a@b.fr\u0000", "jeanne\u0000@example.net"])
def test_control_characters_in_the_address_on_the_web_form(site, smtp, address):
    form = site["demarches"]["nous-contacter"]
    page = submit(form.absolute_url(), email=address)
    assert fr(BAD_EMAIL) in page
    assert_nothing_stored(form, smtp)
