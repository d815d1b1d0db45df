"""The council's pages: the trombinoscope and the list of elected members."""

from .content import DEPUTY
from .content import ROLES
from .order import legal_order
from mairie.policy import _
from Products.Five.browser import BrowserView
from zope.i18n import translate


class CouncilView(BrowserView):
    """Shared by both pages: the published members, in the legal order."""

    def members(self):
        members = [
            member
            for member in self.context.objectValues()
            if member.portal_type == "mairie.CouncilMember"
        ]
        return [self._describe(member) for member in legal_order(members)]

    def _describe(self, member):
        role = translate(ROLES.getTerm(member.role).title, context=self.request)
        if member.role == DEPUTY and member.rank:
            role = translate(
                _(
                    "role_deputy_rank",
                    default="${rank} deputy mayor",
                    mapping={"rank": _ordinal(member.rank)},
                ),
                context=self.request,
            )
        photo = member.photo and f"{member.absolute_url()}/@@images/photo/thumb"
        initials = "".join(part[:1] for part in (member.first_name, member.last_name) if part)
        return {
            "name": f"{member.first_name} {member.last_name.upper()}",
            "url": member.absolute_url(),
            "role": role,
            "photo": photo,
            "initials": initials.upper(),
            "delegations": member.lines("delegations"),
            "committees": member.lines("committees"),
            "group": member.political_group,
            "email": member.email if member.show_email else None,
        }


def _ordinal(rank: int) -> str:
    """French ordinal abbreviation: 1er, 2e, 3e…"""
    return "1er" if rank == 1 else f"{rank}e"
