"""Each commune's addresses: the temporary ``<slug>.<agency domain>`` and its own domain.

They live in the commune's registry (``mairie.commune.temporary_domain`` and
``final_domain``); the proxy configuration is written from them. With its own
domain, a commune's temporary address redirects there, so the canonical
address, the links and the sitemap all follow the domain.
"""

from .proxy import Hosts
from mairie.policy import _
from mairie.policy.commune.types import Hostname
from mairie.policy.interfaces import ProvisioningError
from mairie.policy.provisioning.site import communes
from pydantic import TypeAdapter
from pydantic import ValidationError


_HOSTNAME = TypeAdapter(Hostname)


def hosts(app) -> list[Hosts]:
    """Every commune's addresses."""
    return [Hosts.of(site.getId(), settings) for site, settings in communes(app)]


def set_final_domain(app, slug: str, domain: str) -> Hosts:
    """Give the commune ``slug`` its own domain ("" takes it back to the temporary one)."""
    domain = domain.strip().lower().rstrip(".")
    if domain:
        try:
            domain = _HOSTNAME.validate_python(domain)
        except ValidationError:
            raise ProvisioningError(
                _(
                    "error_domain_invalid",
                    default="“${domain}” is not a domain name (e.g. www.saint-aubin.fr)",
                    mapping={"domain": domain},
                )
            ) from None
    target = None
    for site, settings in communes(app):
        if site.getId() == slug:
            target = settings
        elif domain and domain in (settings.temporary_domain, settings.final_domain):
            raise ProvisioningError(
                _(
                    "error_domain_taken",
                    default="the domain “${domain}” is already the address of “${other}”",
                    mapping={"domain": domain, "other": site.getId()},
                )
            )
    if target is None:
        raise ProvisioningError(
            _(
                "error_domain_no_commune",
                default="there is no commune “${slug}”",
                mapping={"slug": slug},
            )
        )
    if domain and domain == target.temporary_domain:
        domain = ""
    target.final_domain = domain
    return Hosts(slug, target.temporary_domain or "", domain)
