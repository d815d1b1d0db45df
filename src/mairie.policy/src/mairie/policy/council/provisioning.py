"""The mayor and deputies of the commune profile, as council members."""

from .roles import DEPUTY
from .roles import MAYOR
from mairie.policy import logger
from plone import api
from plone.i18n.normalizer.interfaces import IIDNormalizer
from zope.component import getUtility
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent


def sync_members(council, mayor, deputies) -> None:
    """Create or update the mayor and deputies, and publish them.

    ``mayor`` has first_name, last_name and civility, each deputy also rank and delegation;
    objects or dicts. Members are matched by role (and rank for deputies), so a
    renamed deputy is updated in place. Nothing is written for a member whose
    data did not change. Members the profile no longer lists are left alone.
    """
    by_key = {
        (member.role, member.rank if member.role == DEPUTY else None): member
        for member in council.objectValues()
        if member.portal_type == "mairie.CouncilMember"
    }
    wanted = [(MAYOR, None, mayor, "")] + [
        (DEPUTY, _get(deputy, "rank"), deputy, _get(deputy, "delegation") or "")
        for deputy in deputies
    ]
    for role, rank, person, delegation in wanted:
        values = {
            "first_name": _get(person, "first_name"),
            "last_name": _get(person, "last_name"),
            "role": role,
            "rank": rank,
            "delegations": delegation,
        }
        # A civility the profile leaves out stays as the editors set it.
        if _get(person, "civility"):
            values["civility"] = _get(person, "civility")
        member = by_key.get((role, rank))
        if member is None:
            # The title is computed from the names; the id is made from it.
            title = f"{values['first_name']} {values['last_name']}"
            member = api.content.create(
                container=council,
                type="mairie.CouncilMember",
                id=_free_id(council, getUtility(IIDNormalizer).normalize(title)),
                **values,
            )
        else:
            changed = {
                name: value for name, value in values.items() if getattr(member, name) != value
            }
            if changed:
                for name, value in changed.items():
                    setattr(member, name, value)
                notify(ObjectModifiedEvent(member))
        if api.content.get_state(member) == "private":
            api.content.transition(member, "publish")
    # A deputy the profile no longer lists may still sit on the council (as a
    # councillor, say): only the editors know, so they decide; the operator is told.
    listed = {(role, rank) for role, rank, *_rest in wanted}
    for key, member in by_key.items():
        if key[0] in (MAYOR, DEPUTY) and key not in listed:
            logger.warning(
                "%s (%s) is no longer in the profile; left on the council site for its editors",
                member.title,
                member.role,
            )


def _get(data, name):
    return data.get(name) if isinstance(data, dict) else getattr(data, name, None)


def _free_id(container, name: str) -> str:
    """The name, or name-2, name-3…: created under its final id, never renamed."""
    candidate, number = name, 2
    while candidate in container:
        candidate, number = f"{name}-{number}", number + 1
    return candidate
