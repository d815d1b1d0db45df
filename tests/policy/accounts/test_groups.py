"""The commune's groups at provisioning, their rights, and the page that explains them."""

from mairie.policy.accounts.groups import ensure_groups
from mairie.policy.accounts.groups import GROUPS
from mairie.policy.provisioning import site as provisioning
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID

import pytest


def test_provisioning_creates_the_groups_with_their_roles(commune, app, demo_profile, agency):
    titles = {group.id: group.title for group in GROUPS}
    for group_id, title in titles.items():
        group = api.group.get(groupname=group_id)
        assert group.getProperty("title") == title
    assert "Site Administrator" in api.group.get_roles(groupname="administrateurs-commune")
    assert {"Editor", "Contributor", "Reviewer"} <= set(api.group.get_roles(groupname="redacteurs"))
    assert api.portal.get_registry_record("mairie.accounts.password_max_age_admins") == (
        demo_profile.security.password_max_age_days
    )
    provisioning.update(app, demo_profile, agency)
    assert sorted(g.getId() for g in api.group.get_groups() if g.getId() in titles) == sorted(
        titles
    )


@pytest.mark.parametrize(
    "group, allowed, refused",
    [
        (
            "administrateurs-commune",
            ["Plone Site Setup: Users and Groups", "Modify portal content"],
            ["Manage portal"],
        ),
        (
            "redacteurs",
            ["Modify portal content", "Review portal content", "Add portal content"],
            ["Plone Site Setup: Users and Groups", "Manage portal"],
        ),
        (
            "agents-accueil",
            ["mairie.policy: Manage online requests"],
            ["Modify portal content", "Add portal content", "Plone Site Setup: Users and Groups"],
        ),
    ],
)
def test_members_get_the_rights_of_their_group(portal, group, allowed, refused):
    ensure_groups(portal)
    ensure_groups(portal)
    api.user.create(
        username="membre", email="membre@example.net", password="cheval agrafe batterie correcte"
    )
    api.group.add_user(groupname=group, username="membre")
    user = api.user.get(username="membre")
    for permission in allowed:
        assert api.user.has_permission(permission, user=user, obj=portal), permission
    for permission in refused:
        assert not api.user.has_permission(permission, user=user, obj=portal), permission


def test_rights_page(portal):
    setRoles(portal, TEST_USER_ID, ["Site Administrator"])
    ensure_groups(portal)
    api.user.create(
        username="redac",
        email="redac@example.net",
        password="cheval agrafe batterie correcte",
        properties={"fullname": "Rita Rédactrice"},
    )
    api.group.add_user(groupname="redacteurs", username="redac")
    configlets = {action.id: action for action in portal.portal_controlpanel.listActions()}
    assert configlets["mairie-rights"].category == "plone-users"
    page = portal.restrictedTraverse("@@droits-des-comptes")()
    assert "<caption" in page
    assert page.count('scope="col"') == 4
    assert "Rita Rédactrice" in page
    assert "Agents d'accueil" in page or "Agents d&#x27;accueil" in page
    rows = portal.restrictedTraverse("@@droits-des-comptes").groups()
    requests_right = 3
    # Editors handle online requests too (the SVE's own rolemap); receptionists nothing more.
    assert [row["capabilities"][requests_right] for row in rows] == [True, True, True]
    assert [row["capabilities"][1] for row in rows] == [True, True, False]
    assert [row["second_factor"] for row in rows] == [True, False, False]
