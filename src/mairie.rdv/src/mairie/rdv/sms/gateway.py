"""The gateway a site uses, as its settings say."""

from .base import SmsGateway
from .outbox import OutboxGateway
from .ovhcloud import OvhGateway
from mairie.rdv.settings.schema import integration_settings
from zope.component.hooks import getSite


def gateway(site=None) -> SmsGateway:
    """The outbox (default) or OVHcloud."""
    site = site if site is not None else getSite()
    settings = integration_settings(site)
    if settings.sms_provider == "ovh":
        return OvhGateway.from_settings(settings)
    return OutboxGateway(site)
