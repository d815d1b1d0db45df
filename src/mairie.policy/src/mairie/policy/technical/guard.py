"""The agency's pages, refused to the commune's staff where Plone opens them to them.

Hiding a configlet or a button is not enough: Plone protects these views with
permissions the commune's administrators and editors hold (« plone.app.controlpanel.Site »,
« …UsersAndGroups », « Modify portal content »), and plone.restapi's ``@controlpanels``
changes any registry panel (mail, security…) for whoever may see the site setup. After
traversal, once the user is known, each of these asks for « Manage portal »: the agency.
"""

from AccessControl import getSecurityManager
from mairie.policy.interfaces import IMairiePolicyLayer
from zExceptions import Forbidden
from zope.component.hooks import getSite


TECHNICAL_PERMISSION = "Manage portal"
# Names on the path: a page, or what leads to one (« member-fields/… », « @controlpanels/mail »).
AGENCY_NAMES = frozenset(
    {
        "dateandtime-controlpanel",
        "resourceregistry-controlpanel",
        "social-controlpanel",
        "usergroup-controlpanel",
        "member-fields",
        # EasyForm's XML models: TALES conditions and templates run on each submission.
        "modeleditor",
        "@controlpanels",
    }
)


def agency_only(event):
    request = event.request
    if not IMairiePolicyLayer.providedBy(request):
        return
    names = {step.removeprefix("@@") for step in request.steps}
    if names & AGENCY_NAMES and not getSecurityManager().checkPermission(
        TECHNICAL_PERMISSION, getSite()
    ):
        raise Forbidden(", ".join(sorted(names & AGENCY_NAMES)))
