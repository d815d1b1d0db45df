"""POST @demande: the REST API gets the same checks, numbering and acknowledgements."""

from .forms import fr
from mairie.policy.sve.records import all_requests
from plone import api
from zope.schema.interfaces import RequiredMissing

import base64
import requests
import transaction


EASYFORM_NS = 'xmlns:easyform="http://namespaces.plone.org/supermodel/easyform"'
HEADERS = {"Accept": "application/json", "Content-Type": "application/json"}


def body(**values):
    data = {
        "name": "Jeanne Martin",
        "email": "jeanne.martin@example.net",
        "subject": "Horaires",
        "message": "Bonjour",
    }
    data.update(values)
    return {key: value for key, value in data.items() if value is not None}


def post(form, data):
    return requests.post(f"{form.absolute_url()}/@demande", json=data, headers=HEADERS, timeout=30)


def test_a_rest_submission_is_numbered_and_acknowledged(site, smtp):
    form = site["demarches"]["nous-contacter"]
    response = post(form, body())
    assert response.status_code == 201, response.text
    number = response.json()["number"]
    transaction.begin()
    [record] = all_requests(form)
    assert record.number == number
    assert response.json()["received"] == record.received.isoformat()
    assert len(smtp.to("jeanne.martin@example.net")) == 2
    assert [mail.subject for mail in smtp.to("mairie@saint-aubin-sur-loire.example.fr")] == [
        f"[{number}] {form.title}"
    ]


def test_rest_bad_input_is_refused_and_nothing_stored(site, smtp):
    form = site["demarches"]["nous-contacter"]
    response = post(form, body(name=None))
    assert response.status_code == 400
    assert {"field": "name", "message": fr(RequiredMissing.__doc__)} in response.json()["errors"]
    response = post(form, body(email="jeanne.example.net"))
    assert response.status_code == 400
    assert [error["field"] for error in response.json()["errors"]] == ["email"]
    big = base64.b64encode(b"0" * (10 * 1024 * 1024)).decode()
    attachment = {
        "data": big,
        "encoding": "base64",
        "filename": "p.pdf",
        "content-type": "application/pdf",
    }
    response = post(form, body(attachment=attachment))
    assert response.status_code == 400
    assert [error["field"] for error in response.json()["errors"]] == ["attachment"]
    response = post(form, body(website="http://spam.example"))
    assert response.status_code == 400
    transaction.begin()
    assert all_requests(form) == []
    assert smtp.messages == []


def test_rest_applies_the_form_s_own_validators(site, smtp):
    """EasyForm's per-field validators and its largest-file setting, as on the web form."""
    form = site["demarches"]["nous-contacter"]
    form.fields_model = form.fields_model.replace("<model ", f"<model {EASYFORM_NS} ").replace(
        '<field name="subject" type="zope.schema.TextLine">',
        '<field name="subject" type="zope.schema.TextLine" easyform:validators="isNotLinkSpam">',
    )
    api.portal.set_registry_record("easyform.max_filesize", 1000)
    transaction.commit()
    response = post(form, body(subject="Voir https://spam.example"))
    assert response.status_code == 400
    assert response.json()["errors"] == [
        {"field": "subject", "message": "Les liens ne sont pas autorisés."}
    ]
    small = {
        "data": base64.b64encode(b"0" * 2000).decode(),
        "encoding": "base64",
        "filename": "p.pdf",
        "content-type": "application/pdf",
    }
    response = post(form, body(attachment=small))
    assert response.status_code == 400
    assert [error["field"] for error in response.json()["errors"]] == ["attachment"]
    transaction.begin()
    assert all_requests(form) == []
