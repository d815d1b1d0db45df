"""The security headers and cookie flags of one response.

Set from publisher events rather than a WSGI middleware: the policy depends
on the site (its registry, its trusted proxies) and on the user, both known
only inside the publisher, and the deployment's WSGI pipeline stays Zope's.
``IPubBeforeCommit`` covers answers, ``IPubBeforeAbort`` errors (404, 403,
500) after their page is rendered.
"""

from . import csp
from AccessControl import getSecurityManager
from mairie.policy.backoffice.access import rules_for
from mairie.policy.backoffice.network import parse_address
from plone.base.interfaces import IPloneSiteRoot
from plone.subrequest.interfaces import ISubRequest
from zope.component.hooks import getSite


HSTS = "max-age=31536000"
ALWAYS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}


def secure_response(event):
    request = event.request
    if ISubRequest.providedBy(request):
        return
    response = request.response
    site = getSite()
    site = site if IPloneSiteRoot.providedBy(site) else None
    registry = getattr(site, "portal_registry", None)
    https = is_https(request, site)
    headers = dict(ALWAYS)
    headers["Content-Security-Policy"] = csp.policy(registry, authenticated=_authenticated())
    if https:
        headers["Strict-Transport-Security"] = HSTS
    for name, value in headers.items():
        if not response.getHeader(name):
            response.setHeader(name, value)
    for attributes in response.cookies.values():
        attributes.setdefault("HttpOnly", True)
        attributes.setdefault("SameSite", "Lax")
        if https:
            attributes["Secure"] = True


def is_https(request, site) -> bool:
    """Served over HTTPS: by the URL after virtual hosting, or as a trusted proxy says."""
    if request.get("SERVER_URL", "").startswith("https://"):
        return True
    scheme = request.environ.get("HTTP_X_FORWARDED_PROTO", "").split(",")[0].strip().lower()
    peer = parse_address(request.environ.get("REMOTE_ADDR"))
    return scheme == "https" and rules_for(site).trusts(peer)


def _authenticated() -> bool:
    user = getSecurityManager().getUser()
    return user is not None and user.getUserName() != "Anonymous User"
