"""Where the access policy is enforced: two publisher hooks.

1. When traversal enters a commune site (``IBeforeTraverseEvent``), before
   Zope authenticates anyone: a refused address presenting credentials or
   knocking at a back-office door gets a 403, and an anonymous request for
   one of Plone's login doors gets a 404, so that no login form is rendered
   and protected pages do not redirect to one.
2. After traversal (``IPubAfterTraversal``), once the user is known and
   before anything is published: an authenticated user from a refused
   address (whatever authenticated them, also at the Zope root) gets a 403
   as anonymous, and so does an agency account (the Zope root's, with no
   second factor) from outside the operator networks; an anonymous user at
   a login door, not through the secret path (e.g. a bogus cookie that
   fooled the first hook), gets a 404.

Where a password may be given at all is the accounts plugin's gate
(``access.password_accepted``): only at the secret path or by HTTP basic.

A PAS plugin could refuse credentials too, but not those of the Zope root's
user folder, and it could not keep anonymous visitors off the login form.
"""

from . import access
from .paths import doors
from AccessControl import getSecurityManager
from AccessControl.SecurityManagement import noSecurityManager
from mairie.policy.interfaces import IBackOfficeLoginRequest
from mairie.policy.interfaces import IBackOfficeRefused
from plone.base.interfaces import IPloneSiteRoot
from plone.subrequest.interfaces import ISubRequest
from zExceptions import Forbidden
from zExceptions import NotFound
from zope.component.hooks import getSite
from zope.interface import alsoProvides
from ZPublisher.HTTPRequest import HTTPRequest


def on_site_traversal(site, event):
    request = event.request
    if not _checked(request):
        return
    names = access.path_names(request)
    secret = access.login_path(site)
    credentials = access.has_credentials(request)
    entry = bool(doors(names)) or bool(secret and secret in names)
    if (entry or credentials) and not access.client_allowed(access.rules_for(site), request):
        raise _refused()
    if secret and not credentials and access.is_hidden_door(names):
        raise NotFound()


def on_after_traversal(event):
    request = event.request
    if not _checked(request):
        return
    site = getSite()
    site = site if IPloneSiteRoot.providedBy(site) else None
    user = getSecurityManager().getUser()
    anonymous = user is None or user.getUserName() == "Anonymous User"
    rules = access.rules_for(site)
    if not anonymous and not access.client_allowed(rules, request):
        noSecurityManager()
        raise _refused()
    # The agency's own accounts have no second factor: only from its own machines.
    if (
        not anonymous
        and access.is_agency_account(user)
        and not rules.is_operator(access.client_address(rules, request))
    ):
        noSecurityManager()
        raise _refused()
    if (
        anonymous
        and access.login_path(site)
        and not IBackOfficeLoginRequest.providedBy(request)
        and access.is_hidden_door(access.path_names(request))
    ):
        raise NotFound()


def _checked(request) -> bool:
    """A request from the network; a subrequest (theme, tiles) shares its parent's fate."""
    return isinstance(request, HTTPRequest) and not ISubRequest.providedBy(request)


def _refused() -> Forbidden:
    error = Forbidden("This address may not reach the back-office")
    alsoProvides(error, IBackOfficeRefused)
    return error
