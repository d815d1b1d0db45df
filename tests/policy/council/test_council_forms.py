"""Bad input through the edit forms and plone.restapi: a clear message, nothing saved."""

from mairie.policy.council.provisioning import sync_members
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser
from types import SimpleNamespace
from zope.component.hooks import setSite

import pytest
import transaction


MAYOR = SimpleNamespace(first_name="Catherine", last_name="Morvan")
DEPUTY = SimpleNamespace(first_name="Jean", last_name="Brossard", rank=1, delegation="Voirie")


@pytest.fixture
def council(functional):
    portal = functional["portal"]
    setSite(portal)
    with api.env.adopt_roles(["Manager"]):
        council = api.content.create(
            container=portal, type="mairie.Council", id="conseil", title="Conseil"
        )
        api.content.transition(obj=council, transition="publish")
        sync_members(council, MAYOR, [DEPUTY])
        api.content.create(
            container=council,
            type="mairie.CouncilMember",
            title="Alain Abadie",
            first_name="Alain",
            last_name="Abadie",
            email="alain@example.fr",
        )
        api.content.transition(obj=council["alain-abadie"], transition="publish")
    transaction.commit()
    return council


@pytest.mark.parametrize(
    "role,rank,message",
    [
        ("maire", None, "Ce conseil a déjà un maire."),
        ("adjoint", 1, "Un autre adjoint a déjà ce rang : choisissez un rang libre."),
    ],
)
def test_rest_refuses_a_taken_position(council, manager_request, role, rank, message):
    response = manager_request.post(
        "/conseil",
        json={
            "@type": "mairie.CouncilMember",
            "first_name": "Paul",
            "last_name": "Durand",
            "role": role,
            "rank": rank,
        },
    )
    assert response.status_code == 400
    assert message in response.json()["message"]
    assert sorted(council.objectIds()) == ["alain-abadie", "catherine-morvan", "jean-brossard"]


def test_rest_refuses_to_move_a_member_onto_a_taken_rank(council, manager_request):
    response = manager_request.patch("/conseil/alain-abadie", json={"role": "adjoint", "rank": 1})
    assert response.status_code == 400
    assert "Un autre adjoint a déjà ce rang" in response.json()["message"]
    transaction.begin()
    assert council["alain-abadie"].role == "conseiller"


def test_add_form_refuses_a_second_mayor(council):
    browser = Browser(council.aq_parent.aq_parent)
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    browser.addHeader("Accept-Language", "fr")
    browser.open(council.absolute_url() + "/++add++mairie.CouncilMember")
    browser.getControl(name="form.widgets.first_name").value = "Paul"
    browser.getControl(name="form.widgets.last_name").value = "Durand"
    browser.getControl(name="form.widgets.role:list").value = ["maire"]
    browser.getControl(name="form.buttons.save").click()
    assert "Ce conseil a déjà un maire." in browser.contents
    transaction.begin()
    assert "paul-durand" not in council


def test_the_email_is_public_only_when_chosen(council, anon_request):
    member = anon_request.get("/conseil/alain-abadie").json()
    assert member["first_name"] == "Alain"
    assert "alain@example.fr" not in str(member)
    council["alain-abadie"].show_email = True
    transaction.commit()
    assert anon_request.get("/conseil/alain-abadie").json()["email"] == "alain@example.fr"
