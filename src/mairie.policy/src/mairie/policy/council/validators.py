"""Form validators: one mayor per council, and each deputy rank once."""

from .content import DEPUTY
from .content import ICouncil
from .content import ICouncilMember
from .content import MAYOR
from Acquisition import aq_base
from Acquisition import aq_parent
from mairie.policy import _
from z3c.form import validator
from zope.schema import ValidationError


class MayorTaken(ValidationError):
    __doc__ = _("error_mayor_taken", default="This council already has a mayor.")


class RankTaken(ValidationError):
    __doc__ = _(
        "error_rank_taken",
        default="Another deputy mayor already has this rank: choose a free rank.",
    )


def position_taken(council, role, rank, member=None):
    """The error for a member taking a position another member holds, or None."""
    for other in council.objectValues():
        if member is not None and aq_base(other) is aq_base(member):
            continue
        if getattr(other, "portal_type", None) != "mairie.CouncilMember":
            continue
        if role == MAYOR and other.role == MAYOR:
            return MayorTaken
        if role == DEPUTY and other.role == DEPUTY and rank and other.rank == rank:
            return RankTaken
    return None


class PositionValidator(validator.SimpleFieldValidator):
    """Checks the role and rank together, on the rank field of the add and edit forms."""

    def validate(self, value, force=False):
        super().validate(value, force)
        role = self.request.form.get("form.widgets.role")
        role = role[0] if isinstance(role, list | tuple) and role else role
        if ICouncil.providedBy(self.context):
            council, member = self.context, None
        else:
            council, member = aq_parent(self.context), self.context
        error = position_taken(council, role, value, member)
        if error is not None:
            raise error()


validator.WidgetValidatorDiscriminators(PositionValidator, field=ICouncilMember["rank"])
