"""The legal order of a council (CGCT L2121-1): the mayor, the deputies by rank,
then the other councillors; delegated councillors before the others."""

from .roles import COUNCILLOR
from .roles import DELEGATE
from .roles import DEPUTY
from .roles import MAYOR
from plone.i18n.normalizer.base import baseNormalize


_GROUPS = {MAYOR: 0, DEPUTY: 1, DELEGATE: 2, COUNCILLOR: 3}


def legal_order(members):
    """The members sorted as the law lists them; names sorted without accents."""

    def key(member):
        return (
            _GROUPS.get(member.role, len(_GROUPS)),
            member.rank or 0 if member.role == DEPUTY else 0,
            baseNormalize(member.last_name or "").lower(),
            baseNormalize(member.first_name or "").lower(),
        )

    return sorted(members, key=key)
