"""The council's pages (trombinoscope, list of elected members) and a member's page."""

from .order import legal_order
from .roles import role_title
from AccessControl import getSecurityManager
from Products.Five.browser import BrowserView
from zope.i18n import translate


class CouncilView(BrowserView):
    """Shared by both pages: the members the visitor may see, in the legal order."""

    def members(self):
        check = getSecurityManager().checkPermission
        members = [
            member
            for member in self.context.objectValues()
            if member.portal_type == "mairie.CouncilMember" and check("View", member)
        ]
        return [describe(member, self.request) for member in legal_order(members)]


class CouncilMemberView(BrowserView):
    def member(self):
        return describe(self.context, self.request, scale="preview")


def describe(member, request, scale="thumb") -> dict:
    """What the pages show of a member; the e-mail only when the member chose to show it."""
    role = translate(role_title(member.role, member.rank, member.civility), context=request)
    url = member.absolute_url()
    initials = "".join(part[:1] for part in (member.first_name, member.last_name) if part)
    return {
        "name": f"{member.first_name} {(member.last_name or '').upper()}",
        "url": url,
        "role": role,
        "photo": member.photo and f"{url}/@@images/photo/{scale}",
        "initials": initials.upper(),
        "delegations": member.lines("delegations"),
        "committees": member.lines("committees"),
        "group": member.political_group,
        "email": member.email if member.show_email else None,
    }
