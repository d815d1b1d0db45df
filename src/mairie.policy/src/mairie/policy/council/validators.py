"""One mayor per council, and each deputy rank once.

The rule is checked by an invariant of the member's schema, so the add and edit
forms and plone.restapi (POST, PATCH) all refuse the same input, with the same
message, before anything is saved.
"""

from .roles import DEPUTY
from .roles import MAYOR
from Acquisition import aq_base
from Acquisition import aq_parent
from mairie.policy import _
from zope.globalrequest import getRequest


MAYOR_TAKEN = _("error_mayor_taken", default="This council already has a mayor.")
RANK_TAKEN = _(
    "error_rank_taken",
    default="Another deputy mayor already has this rank: choose a free rank.",
)


def position_taken(council, role, rank, member=None):
    """The message for a member taking a position another member holds, or None."""
    for other in council.objectValues():
        if member is not None and aq_base(other) is aq_base(member):
            continue
        if getattr(other, "portal_type", None) != "mairie.CouncilMember":
            continue
        if role == MAYOR and other.role == MAYOR:
            return MAYOR_TAKEN
        if role == DEPUTY and other.role == DEPUTY and rank and other.rank == rank:
            return RANK_TAKEN
    return None


def council_and_member(context):
    """From an invariant's context: the council, and the member if it exists.

    The edit form's context, and plone.restapi's (the new member wrapped in the
    council), is the member. z3c.form add forms give invariants no context: the
    council is then the context of the published add view.
    """
    if context is None:
        request = getRequest()
        context = getattr(request and request.get("PUBLISHED"), "context", None)
    if getattr(context, "portal_type", None) == "mairie.Council":
        return context, None
    parent = aq_parent(context) if context is not None else None
    if getattr(parent, "portal_type", None) == "mairie.Council":
        return parent, context
    return None, None
