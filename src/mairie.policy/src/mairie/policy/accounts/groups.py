"""The commune's groups, their roles, and who can do what (read from the site itself)."""

from .settings import settings
from AccessControl.PermissionRole import rolesForPermissionOn
from dataclasses import dataclass
from mairie.policy import _
from plone import api


RECEPTION_ROLE = "Reception Agent"


@dataclass(frozen=True)
class Group:
    id: str
    title: str
    roles: tuple


GROUPS = (
    Group("administrateurs-commune", "Administrateurs de la commune", ("Site Administrator",)),
    Group("redacteurs", "Rédacteurs", ("Editor", "Contributor", "Reviewer")),
    Group("agents-accueil", "Agents d'accueil", (RECEPTION_ROLE,)),
)

# What a person can do, and the permission that decides it on the site.
CAPABILITIES = (
    (_("right_add", default="Add pages, news and events"), "Add portal content"),
    (_("right_modify", default="Modify content"), "Modify portal content"),
    (
        _("right_review", default="Publish or refuse content submitted for review"),
        "Review portal content",
    ),
    (
        _("right_requests", default="Handle the online requests"),
        "mairie.policy: Manage online requests",
    ),
    (_("right_users", default="Manage accounts and groups"), "Plone Site Setup: Users and Groups"),
    (_("right_setup", default="Change the site's configuration"), "Plone Site Setup: Overview"),
)


def ensure_groups(site) -> None:
    """Create the groups and give them their roles; running it again changes nothing."""
    for group in GROUPS:
        if api.group.get(groupname=group.id) is None:
            api.group.create(groupname=group.id, title=group.title)
        api.group.grant_roles(groupname=group.id, roles=list(group.roles))


def rights(site) -> list[dict]:
    """For each group: its title, members, and whether each capability is granted."""
    rows = []
    required = set(settings().totp_required_roles)
    for group in GROUPS:
        found = api.group.get(groupname=group.id)
        roles = set(found.getRoles()) if found is not None else set(group.roles)
        rows.append(
            {
                "id": group.id,
                "title": group.title,
                "members": sorted(
                    (
                        {
                            "id": member.getId(),
                            "name": member.getProperty("fullname") or member.getUserName(),
                        }
                        for member in (api.user.get_users(groupname=group.id) if found else ())
                    ),
                    key=lambda member: member["name"],
                ),
                "capabilities": [
                    bool(roles & set(rolesForPermissionOn(permission, site)))
                    for _label, permission in CAPABILITIES
                ],
                "second_factor": bool(roles & required),
            }
        )
    return rows
