"""Where the profile's values live in a site: the registry and the MailHost."""

from mairie.policy import mailqueue
from mairie.policy.commune.schema import Agency
from mairie.policy.commune.schema import Profile
from mairie.policy.hosting import caching
from mairie.policy.interfaces import IAgencySettings
from mairie.policy.interfaces import ICommuneSettings
from pathlib import Path
from plone.base.interfaces.controlpanel import IMailSchema
from plone.base.interfaces.controlpanel import ISiteSchema
from plone.formwidget.namedfile.converter import b64encode_file
from plone.registry.interfaces import IRegistry
from zope.component import getUtility

import json
import mimetypes


def commune_values(profile: Profile, agency: Agency) -> dict:
    """The ICommuneSettings record values for a profile."""
    commune, identity, mairie = profile.commune, profile.identity, profile.mairie
    council = [{"role": "maire", "rank": 0, **profile.council.mayor.model_dump()}] + [
        {"role": "adjoint", **deputy.model_dump()} for deputy in profile.council.deputies
    ]
    plan = agency.plans[commune.plan]
    return {
        "slug": commune.slug,
        "name": commune.name,
        "insee_code": commune.insee,
        "siret": commune.siret,
        "postal_codes": tuple(commune.postal_codes),
        "population": commune.population,
        "plan": commune.plan,
        "plan_title": plan.title,
        "plan_quota_gb": plan.quota_gb,
        "template": commune.template,
        "modules": tuple(commune.modules),
        "email_noreply": profile.emails.noreply,
        "email_contact": profile.emails.contact,
        "slogan": identity.slogan,
        "coat_of_arms": _encoded(identity.coat_of_arms),
        "palette_primary": identity.palette.primary,
        "palette_secondary": identity.palette.secondary,
        "palette_footer_background": identity.palette.footer_background,
        "meta_description": identity.meta.description,
        "meta_keywords": tuple(identity.meta.keywords),
        "address_street": mairie.address.street,
        "address_postal_code": mairie.address.postal_code,
        "address_city": mairie.address.city,
        "address_latitude": mairie.address.latitude,
        "address_longitude": mairie.address.longitude,
        "phone": mairie.phone,
        "opening_hours": {day: " ".join(ranges) for day, ranges in mairie.opening_hours.items()},
        "council": json.dumps(council, ensure_ascii=False),
        "social_links": dict(profile.social),
        "buyer_profile_url": profile.links.buyer_profile or "",
        "photo_gallery_url": profile.links.photo_gallery or "",
        "interactive_publications_url": profile.links.interactive_publications or "",
        "newsletter_widget": profile.newsletter_widget,
        "admin_ip_allowlist": tuple(profile.security.admin_ip_allowlist),
        "login_path": profile.security.login_path,
        "captcha_key": profile.security.captcha_key or "",
        "temporary_domain": profile.temporary_domain(agency),
        "final_domain": profile.domains.final or "",
        "map_tiles": profile.map.tiles,
        "map_attribution": profile.map.attribution,
        "matomo_url": profile.matomo.url if profile.matomo else "",
        "matomo_site_id": profile.matomo.site_id if profile.matomo else 0,
        **accessibility_values(profile),
        "dpo_name": profile.dpo.name if profile.dpo else "",
        "dpo_email": profile.dpo.email if profile.dpo else "",
        "dpo_address": profile.dpo.address if profile.dpo else "",
    }


def accessibility_values(profile: Profile) -> dict:
    accessibility = profile.accessibility
    return {
        "accessibility_state": accessibility.state,
        "accessibility_rate": accessibility.rate,
        "accessibility_audit_date": accessibility.audit_date,
        "accessibility_audited_by": accessibility.audited_by,
        "accessibility_pages_tested": tuple(page.title for page in accessibility.pages_tested),
        "accessibility_non_conformities": tuple(
            item.text for item in accessibility.non_conformities
        ),
        "accessibility_disproportionate_burden": tuple(accessibility.disproportionate_burden),
        "accessibility_out_of_scope": tuple(accessibility.out_of_scope),
        "accessibility_test_environment": tuple(accessibility.test_environment),
        "accessibility_tools": tuple(accessibility.tools),
        "accessibility_contact_email": profile.accessibility_contact,
    }


def agency_values(agency: Agency) -> dict:
    return {
        "host_name": agency.host.name,
        "host_address": agency.host.address,
        "host_phone": agency.host.phone,
        "host_email": agency.host.email,
        "host_siret": agency.host.siret or "",
        "domain": agency.domain,
        "trusted_proxies": tuple(agency.backoffice.trusted_proxies),
        "operator_networks": tuple(agency.backoffice.operator_networks),
    }


def store(site, profile: Profile, agency: Agency) -> None:
    """Write every value of the profile where the packages read it."""
    registry = getUtility(IRegistry, context=site)
    commune = registry.forInterface(ICommuneSettings, prefix="mairie.commune")
    values = commune_values(profile, agency)
    # A domain given by `mairie domain` stays until the profile names one.
    values["final_domain"] = values["final_domain"] or commune.final_domain or ""
    _assign(commune, values)
    _assign(registry.forInterface(IAgencySettings, prefix="mairie.agency"), agency_values(agency))
    caching.apply(registry, agency)

    identity = profile.identity
    site_settings = registry.forInterface(ISiteSchema, prefix="plone")
    site_settings.site_title = profile.site_title
    site_settings.site_logo = _encoded(identity.logo or identity.coat_of_arms)
    site_settings.site_favicon = _encoded(identity.favicon)
    if identity.favicon:
        site_settings.site_favicon_mimetype = _mimetype(identity.favicon)
    site.title = profile.site_title
    site.description = identity.slogan

    mail = registry.forInterface(IMailSchema, prefix="plone")
    mail.email_from_address = profile.emails.noreply
    mail.email_from_name = profile.site_title
    mail.smtp_host = agency.smtp.host
    mail.smtp_port = agency.smtp.port
    mail.smtp_userid = agency.smtp.username
    mail.smtp_pass = agency.smtp.password
    mailhost = site.MailHost
    mailhost.smtp_host = agency.smtp.host
    mailhost.smtp_port = agency.smtp.port
    mailhost.smtp_uid = agency.smtp.username or ""
    mailhost.smtp_pwd = agency.smtp.password or ""
    mailqueue.use_queue(mailhost, mailqueue.directory(site))


def _assign(proxy, values: dict) -> None:
    for name, value in values.items():
        if getattr(proxy, name) != value:
            setattr(proxy, name, value)


def _encoded(path: str | None) -> bytes | None:
    """A file as Plone keeps images in the registry (see ISiteSchema.site_logo)."""
    if not path:
        return None
    path = Path(path)
    return b64encode_file(path.name, path.read_bytes())


def _mimetype(path: str) -> str:
    return mimetypes.guess_type(path)[0] or "image/vnd.microsoft.icon"
