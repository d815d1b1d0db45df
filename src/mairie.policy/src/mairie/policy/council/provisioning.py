"""The mayor and deputies of the commune profile, as council members."""

from .content import DEPUTY
from .content import MAYOR
from plone import api
from plone.i18n.normalizer.interfaces import IIDNormalizer
from zope.component import getUtility


def sync_members(council, mayor, deputies) -> None:
    """Create or update the mayor and deputies; members are matched by role and rank.

    Nothing is written for a member whose data did not change.
    """
    by_key = {
        (member.role, member.rank if member.role == DEPUTY else None): member
        for member in council.objectValues()
        if member.portal_type == "mairie.CouncilMember"
    }
    wanted = [((MAYOR, None), mayor, "")] + [
        ((DEPUTY, deputy.rank), deputy, deputy.delegation) for deputy in deputies
    ]
    for (role, rank), person, delegation in wanted:
        values = {
            "first_name": person.first_name,
            "last_name": person.last_name,
            "role": role,
            "rank": rank,
            "delegations": delegation,
        }
        member = by_key.get((role, rank))
        if member is None:
            # The title is computed from the names; the id is made from it.
            title = f"{person.first_name} {person.last_name}"
            member = api.content.create(
                container=council,
                type="mairie.CouncilMember",
                id=_free_id(council, getUtility(IIDNormalizer).normalize(title)),
                title=title,
                **values,
            )
            api.content.transition(member, "publish")
            continue
        changed = {name: value for name, value in values.items() if getattr(member, name) != value}
        if changed:
            for name, value in changed.items():
                setattr(member, name, value)
            member.reindexObject()


def _free_id(container, name: str) -> str:
    """The name, or name-2, name-3…: created under its final id, never renamed."""
    candidate, number = name, 2
    while candidate in container:
        candidate, number = f"{name}-{number}", number + 1
    return candidate
