"""The back-office's access policy for one request: the domain logic the hooks call.

Settings come from the site's registry (``mairie.agency.*`` from the agency
file, ``mairie.commune.*`` from the profile); outside a commune site (the Zope
root), the agency's defaults apply.
"""

from .network import AccessRules
from .network import Address
from .network import LOOPBACK
from .paths import doors
from .paths import HIDDEN
from Acquisition import aq_inner
from Acquisition import aq_parent
from mairie.policy.interfaces import IBackOfficeLoginRequest
from OFS.interfaces import IApplication
from Products.PluggableAuthService.plugins.HTTPBasicAuthHelper import HTTPBasicAuthHelper
from zope.component.hooks import getSite


# plone.session's cookie, plone.restapi's token cookie, and HTTP auth (Basic, Bearer).
CREDENTIAL_COOKIES = ("__ac", "auth_token")
IN_PROCESS = "127.0.0.1"


def rules_for(site) -> AccessRules:
    registry = _registry(site)
    if registry is None:
        return AccessRules()
    return AccessRules(
        trusted_proxies=tuple(registry.get("mairie.agency.trusted_proxies", LOOPBACK) or ()),
        operator_networks=tuple(registry.get("mairie.agency.operator_networks", LOOPBACK) or ()),
        allowlist=tuple(registry.get("mairie.commune.admin_ip_allowlist", ()) or ()),
    )


def login_path(site) -> str:
    """The secret login path; empty outside a commune (Plone's doors then stay open)."""
    registry = _registry(site)
    return (registry.get("mairie.commune.login_path", "") or "") if registry is not None else ""


def client_allowed(rules: AccessRules, request) -> bool:
    return rules.allows(client_address(rules, request))


def client_address(rules: AccessRules, request) -> Address | None:
    """The client's address, read through the trusted proxies (None if unreadable)."""
    # Every WSGI server sets REMOTE_ADDR; only an in-process publication (a
    # script, the tests' in-process browser) has none: it is the machine itself.
    peer = request.environ.get("REMOTE_ADDR", IN_PROCESS)
    return rules.client_address(peer, request.environ.get("HTTP_X_FORWARDED_FOR"))


def visitor_address(request) -> str:
    """The visitor's address in the current site ("" if unreadable): what lockouts and
    rate limits count. Behind the agency's front every request comes from a proxy."""
    address = client_address(rules_for(getSite()), request)
    return str(address) if address is not None else ""


def password_accepted(request, credentials) -> bool:
    """Whether a login and password may be checked on this request.

    Only at the secret login path (the form posts there), or by HTTP basic (the
    operators' scripts): never from a form field, a cookie or a JSON body sent to
    another URL, which would make every page a password oracle. Plone's cookie
    helper reads ``__ac_name`` from any request, plone.restapi's plugin a JSON
    ``login`` from any POST. A site with no secret path keeps Plone's doors.
    """
    if IBackOfficeLoginRequest.providedBy(request) or not login_path(getSite()):
        return True
    pas = getattr(getSite(), "acl_users", None)
    extractor = getattr(pas, credentials.get("extractor", ""), None) if pas else None
    return isinstance(extractor, HTTPBasicAuthHelper)


def is_agency_account(user) -> bool:
    """A Zope account of the agency (the root user folder's), not a commune's."""
    folder = aq_parent(aq_inner(user))
    return folder is not None and IApplication.providedBy(aq_parent(aq_inner(folder)))


def has_credentials(request) -> bool:
    """The request would be authenticated if its credentials are good."""
    # ZPublisher moves the Authorization header out of the environment.
    cookies = request.cookies
    return bool(getattr(request, "_auth", None)) or any(
        name in cookies for name in CREDENTIAL_COOKIES
    )


def path_names(request) -> list[str]:
    return [name for name in request.environ.get("PATH_INFO", "").split("/") if name]


def is_hidden_door(names) -> bool:
    return bool(doors(names) & HIDDEN)


def _registry(site):
    return getattr(site, "portal_registry", None) if site is not None else None
