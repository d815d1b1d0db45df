"""The council: members in the legal order, from the profile, on its pages."""

from datetime import datetime
from datetime import timedelta
from freezegun import freeze_time
from mairie.policy.council.content import ICouncilMember
from mairie.policy.council.order import legal_order
from mairie.policy.council.provisioning import sync_members
from plone import api
from plone.app.testing import logout
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from types import SimpleNamespace
from z3c.form.interfaces import IManagerValidator
from zope.component import getMultiAdapter
from zope.i18n import translate

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
        person("Léa", "Roux", "adjoint", 10),
        person("Marie", "Bernard", "adjoint", 1),
        person("Jean", "Adam", "conseiller_delegue"),
        person("Hugo", "Abel"),
    ]
    assert [(m.first_name, m.last_name) for m in legal_order(members)] == [
        ("Anne", "Martin"),
        ("Marie", "Bernard"),
        ("Paul", "Durand"),
        ("Léa", "Roux"),  # rank 10 after rank 2: ranks are numbers, not text
        ("Jean", "Adam"),
        ("Émile", "Zola"),
        ("Hugo", "Abel"),  # same surname: by first name
        ("Zoé", "Abel"),
        ("Luc", "Écuyer"),  # accents do not push É after Z
    ]


@pytest.fixture
def council(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    council = api.content.create(
        container=portal, type="mairie.Council", id="conseil", title="Conseil municipal"
    )
    return council


MAYOR = SimpleNamespace(first_name="Catherine", last_name="Morvan")


def deputies(*names):
    return [
        SimpleNamespace(
            first_name=first, last_name=last, rank=rank, delegation=f"Délégation {rank}"
        )
        for rank, (first, last) in enumerate(names, start=1)
    ]


def test_sync_members_creates_then_updates(council):
    sync_members(council, MAYOR, deputies(("Jean", "Brossard"), ("Sophie", "Le Gall")))
    members = legal_order(council.objectValues())
    assert [m.title for m in members] == ["Catherine Morvan", "Jean Brossard", "Sophie Le Gall"]
    assert [(m.role, m.rank) for m in members] == [("maire", None), ("adjoint", 1), ("adjoint", 2)]
    assert members[1].delegations == "Délégation 1"
    assert "catherine-morvan" in council
    assert all(api.content.get_state(m) == "published" for m in members)

    sync_members(council, MAYOR, deputies(("Jean", "Brossard"), ("Sophie", "Le Gall-Riou")))
    assert [m.title for m in legal_order(council.objectValues())][-1] == "Sophie Le Gall-Riou"
    assert len(council.objectIds()) == 3
    assert api.portal.get_tool("portal_catalog")(Title="Le Gall-Riou")


def test_sync_members_takes_dicts(council):
    sync_members(
        council,
        {"first_name": "Catherine", "last_name": "Morvan"},
        [{"first_name": "Jean", "last_name": "Brossard", "rank": 1, "delegation": "Voirie"}],
    )
    assert council["jean-brossard"].delegations == "Voirie"
    assert council["jean-brossard"].rank == 1


def test_sync_members_writes_nothing_when_unchanged(council):
    sync_members(council, MAYOR, deputies(("Jean", "Brossard")))
    before = {m.getId(): m.modified() for m in council.objectValues()}
    with freeze_time(datetime.now() + timedelta(days=1)):
        sync_members(council, MAYOR, deputies(("Jean", "Brossard")))
    assert {m.getId(): m.modified() for m in council.objectValues()} == before


def test_sync_members_publishes_a_private_member(council):
    sync_members(council, MAYOR, [])
    api.content.transition(council["catherine-morvan"], "retract")
    assert api.content.get_state(council["catherine-morvan"]) == "private"
    sync_members(council, MAYOR, [])
    assert api.content.get_state(council["catherine-morvan"]) == "published"


def test_trombinoscope_in_legal_order(council):
    sync_members(council, MAYOR, deputies(("Jean", "Brossard"), ("Sophie", "Le Gall")))
    api.content.create(
        container=council,
        type="mairie.CouncilMember",
        title="Alain Abadie",
        first_name="Alain",
        last_name="Abadie",
        role="conseiller",
        committees=("Écoles", "Finances"),
        email="alain@example.fr",
        show_email=False,
    )
    api.content.create(
        container=council,
        type="mairie.CouncilMember",
        title="Zoé Abel",
        first_name="Zoé",
        last_name="Abel",
        role="conseiller_delegue",
        email="zoe@example.fr",
        show_email=True,
    )
    html = council.restrictedTraverse("@@trombinoscope")()
    names = ("Catherine MORVAN", "Jean BROSSARD", "Sophie LE GALL", "Zoé ABEL", "Alain ABADIE")
    positions = [html.index(name) for name in names]
    assert positions == sorted(positions)
    assert "1er adjoint au maire" in html
    assert "2e adjoint au maire" in html
    assert "<li>Écoles</li>" in html
    assert "alain@example.fr" not in html
    assert "mailto:zoe@example.fr" in html
    assert '<ul class="mairie-trombinoscope' in html
    table = council.restrictedTraverse("@@liste-des-elus")()
    assert "<caption>" in table and 'scope="row"' in table and 'scope="col"' in table
    positions = [table.index(name) for name in names]
    assert positions == sorted(positions)


def test_member_page_shows_the_email_only_when_chosen(council):
    member = api.content.create(
        container=council,
        type="mairie.CouncilMember",
        title="Alain Abadie",
        first_name="Alain",
        last_name="Abadie",
        email="alain@example.fr",
    )
    assert member.Title() == "Alain Abadie"
    assert member.getId() == "alain-abadie"
    html = member.restrictedTraverse("@@elu")()
    assert "Conseiller municipal" in html
    assert "alain@example.fr" not in html
    member.show_email = True
    assert "mailto:alain@example.fr" in member.restrictedTraverse("@@elu")()


def test_private_members_are_not_shown_to_visitors(council):
    api.content.transition(council, "publish")
    sync_members(council, MAYOR, [])
    api.content.create(
        container=council,
        type="mairie.CouncilMember",
        title="Alain Abadie",
        first_name="Alain",
        last_name="Abadie",
    )
    logout()
    members = council.restrictedTraverse("@@trombinoscope").members()
    assert [member["name"] for member in members] == ["Catherine MORVAN"]


def invariant_errors(context, **data):
    """The messages the add form (context: the council) or edit form (the member) shows."""
    validator = getMultiAdapter(
        (context, context.REQUEST, None, ICouncilMember, None), IManagerValidator
    )
    return [translate(error.args[0], target_language="fr") for error in validator.validate(data)]


@pytest.mark.parametrize(
    "role,rank,message",
    [
        ("maire", None, "Ce conseil a déjà un maire."),
        ("adjoint", 1, "Un autre adjoint a déjà ce rang : choisissez un rang libre."),
        ("adjoint", None, "Un adjoint au maire doit avoir un rang."),
        ("adjoint", 3, None),
        ("conseiller", None, None),
        ("conseiller_delegue", 1, None),
    ],
)
def test_one_mayor_and_each_rank_once(council, role, rank, message):
    sync_members(council, MAYOR, deputies(("Jean", "Brossard"), ("Sophie", "Le Gall")))
    errors = invariant_errors(council, role=role, rank=rank)
    assert errors == ([message] if message else [])


def test_editing_a_member_keeps_its_own_position(council):
    sync_members(council, MAYOR, deputies(("Jean", "Brossard"), ("Sophie", "Le Gall")))
    assert invariant_errors(council["jean-brossard"], role="adjoint", rank=1) == []
    assert invariant_errors(council["catherine-morvan"], role="maire", rank=None) == []
    assert invariant_errors(council["jean-brossard"], role="adjoint", rank=2) == [
        "Un autre adjoint a déjà ce rang : choisissez un rang libre."
    ]


def test_a_deputy_dropped_from_the_profile_stays_and_is_reported(council, caplog):
    sync_members(council, MAYOR, deputies(("Jean", "Brossard"), ("Sophie", "Le Gall")))
    sync_members(council, MAYOR, deputies(("Jean", "Brossard")))
    assert "sophie-le-gall" in council
    assert "Sophie Le Gall (adjoint) is no longer in the profile" in caplog.text


def test_functions_agree_with_the_members_civility(council):
    """« 2e adjoint » for a woman was wrong: each function in the feminine for Madame."""
    mayor = SimpleNamespace(first_name="Catherine", last_name="Morvan", civility="madame")
    sync_members(
        council,
        mayor,
        [
            SimpleNamespace(first_name="Anne", last_name="Roux", rank=1, civility="madame"),
            SimpleNamespace(first_name="Paul", last_name="Durand", rank=2, civility="monsieur"),
            SimpleNamespace(first_name="Léa", last_name="Abel", rank=3, civility="madame"),
        ],
    )
    for first, last, role in (("Zoé", "Abel", "conseiller_delegue"), ("Inès", "Bal", "conseiller")):
        api.content.create(
            container=council,
            type="mairie.CouncilMember",
            title=f"{first} {last}",
            first_name=first,
            last_name=last,
            role=role,
            civility="madame",
        )
    api.content.create(
        container=council,
        type="mairie.CouncilMember",
        title="Luc Dax",
        first_name="Luc",
        last_name="Dax",
    )
    html = council.restrictedTraverse("@@trombinoscope")()
    for title in (
        "Maire",
        "1re adjointe au maire",
        "2e adjoint au maire",
        "3e adjointe au maire",
        "Conseillère déléguée",
        "Conseillère municipale",
        "Conseiller municipal",
    ):
        assert f">{title}<" in html, title
    assert council["anne-roux"].civility == "madame"
    # The profile naming no civility leaves the editors' choice.
    sync_members(council, SimpleNamespace(first_name="Catherine", last_name="Morvan"), [])
    assert council["catherine-morvan"].civility == "madame"
