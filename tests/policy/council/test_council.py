"""The council: members in the legal order, from the profile, on its pages."""

from datetime import datetime
from datetime import timedelta
from freezegun import freeze_time
from mairie.policy.council.order import legal_order
from mairie.policy.council.provisioning import sync_members
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from types import SimpleNamespace

import pytest


def person(first, last, role="conseiller", rank=None):
    return SimpleNamespace(first_name=first, last_name=last, role=role, rank=rank)


def test_legal_order():
    members = [
        person("Zoé", "Abel"),
        person("Paul", "Durand", "adjoint", 2),
        person("Émile", "Zola", "conseiller_delegue"),
        person("Anne", "Martin", "maire"),
        person("Luc", "Écuyer"),
        person("Marie", "Bernard", "adjoint", 1),
        person("Jean", "Adam", "conseiller_delegue"),
    ]
    assert [m.last_name for m in legal_order(members)] == [
        "Martin",
        "Bernard",
        "Durand",
        "Adam",
        "Zola",
        "Abel",
        "Écuyer",
    ]


@pytest.fixture
def council(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    council = api.content.create(
        container=portal, type="mairie.Council", id="conseil", title="Conseil municipal"
    )
    return council


def deputies(*names):
    return [
        SimpleNamespace(
            first_name=first, last_name=last, rank=rank, delegation=f"Délégation {rank}"
        )
        for rank, (first, last) in enumerate(names, start=1)
    ]


def test_sync_members_creates_then_updates(council):
    mayor = SimpleNamespace(first_name="Catherine", last_name="Morvan")
    sync_members(council, mayor, deputies(("Jean", "Brossard"), ("Sophie", "Le Gall")))
    members = legal_order(council.objectValues())
    assert [m.title for m in members] == ["Catherine Morvan", "Jean Brossard", "Sophie Le Gall"]
    assert "catherine-morvan" in council
    assert all(api.content.get_state(m) == "published" for m in members)

    sync_members(council, mayor, deputies(("Jean", "Brossard"), ("Sophie", "Le Gall-Riou")))
    assert [m.title for m in legal_order(council.objectValues())][-1] == "Sophie Le Gall-Riou"
    assert len(council.objectIds()) == 3


def test_sync_members_writes_nothing_when_unchanged(council):
    mayor = SimpleNamespace(first_name="Catherine", last_name="Morvan")
    sync_members(council, mayor, deputies(("Jean", "Brossard")))
    before = {m.getId(): m.modified() for m in council.objectValues()}
    with freeze_time(datetime.now() + timedelta(days=1)):
        sync_members(council, mayor, deputies(("Jean", "Brossard")))
    assert {m.getId(): m.modified() for m in council.objectValues()} == before


def test_trombinoscope_in_legal_order(council):
    mayor = SimpleNamespace(first_name="Catherine", last_name="Morvan")
    sync_members(council, mayor, deputies(("Jean", "Brossard"), ("Sophie", "Le Gall")))
    api.content.create(
        container=council,
        type="mairie.CouncilMember",
        title="x",
        first_name="Alain",
        last_name="Abadie",
        role="conseiller",
        email="alain@example.fr",
        show_email=False,
    )
    council.REQUEST["LANGUAGE"] = "fr"
    html = council.restrictedTraverse("@@trombinoscope")()
    positions = [
        html.index(name)
        for name in ("Catherine MORVAN", "Jean BROSSARD", "Sophie LE GALL", "Alain ABADIE")
    ]
    assert positions == sorted(positions)
    assert "1er adjoint au maire" in html
    assert "alain@example.fr" not in html
    table = council.restrictedTraverse("@@liste-des-elus")()
    assert "<caption>" in table and 'scope="row"' in table


@pytest.mark.parametrize(
    "role,rank,refused",
    [
        ("maire", None, True),
        ("adjoint", 1, True),
        ("adjoint", 3, False),
        ("conseiller", None, False),
    ],
)
def test_one_mayor_and_each_rank_once(council, role, rank, refused):
    from mairie.policy.council.content import ICouncilMember
    from mairie.policy.council.validators import PositionValidator
    from zope.schema import ValidationError

    mayor = SimpleNamespace(first_name="Catherine", last_name="Morvan")
    sync_members(council, mayor, deputies(("Jean", "Brossard"), ("Sophie", "Le Gall")))
    request = council.REQUEST
    request.form["form.widgets.role"] = [role]
    check = PositionValidator(council, request, None, ICouncilMember["rank"], None)
    if refused:
        with pytest.raises(ValidationError):
            check.validate(rank)
    else:
        check.validate(rank)
    # Editing a member keeps its own position.
    deputy = council["jean-brossard"]
    request.form["form.widgets.role"] = ["adjoint"]
    PositionValidator(deputy, request, None, ICouncilMember["rank"], None).validate(1)
