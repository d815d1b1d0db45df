"""The commune's ANTS and SMS settings (registry, prefix ``mairie.rdv``).

Empty ANTS values mean "not configured": the pre-application check then
blocks identity-document bookings with a clear message, and the national
search engine's endpoints answer 401.
"""

from mairie.rdv import _
from plone.registry.interfaces import IRegistry
from zope import schema
from zope.component import getUtility
from zope.interface import Interface
from zope.interface import Invalid

import ovh


PREFIX = "mairie.rdv"


def _ascii(title, description=None, default=""):
    return schema.ASCIILine(title=title, description=description, required=False, default=default)


def _text(title, description=None):
    return schema.TextLine(title=title, description=description, required=False, default="")


def _known_region(value):
    """A region of the ``ovh`` client (it accepts no other address)."""
    if value and value not in ovh.client.ENDPOINTS:
        raise Invalid(
            _(
                "settings_ovh_endpoint_unknown",
                default="Unknown OVHcloud region « ${region} »: use one of ${regions}.",
                mapping={"region": value, "regions": ", ".join(ovh.client.ENDPOINTS)},
            )
        )
    return True


class IRdvIntegrationSettings(Interface):
    # The ANTS coordination API (anti-duplicate)
    ants_url = schema.URI(
        title=_("settings_ants_url", default="ANTS coordination API address"),
        description=_(
            "settings_ants_url_help",
            default="Given by the ANTS, e.g. https://api-coordination.rendezvouspasseport.ants.gouv.fr/api",
        ),
        required=False,
    )
    ants_token = _ascii(
        _("settings_ants_token", default="ANTS API token"),
        _("settings_ants_token_help", default="Sent in the x-rdv-opt-auth-token header."),
    )
    hub_token = _ascii(
        _("settings_hub_token", default="Token of the national search engine"),
        _(
            "settings_hub_token_help",
            default="The national search engine sends it in the X-HUB-RDV-AUTH-TOKEN header; "
            "leave empty to keep its endpoints closed.",
        ),
    )
    # The meeting point the ANTS knows (the mairie by default)
    meeting_point_id = _ascii(
        _("settings_meeting_point_id", default="Meeting point id"),
        _("settings_meeting_point_id_help", default="Empty: the commune's INSEE code."),
    )
    meeting_point_name = _text(
        _("settings_meeting_point_name", default="Meeting point name"),
        _(
            "settings_meeting_point_name_help",
            default="Empty: « Mairie de » and the commune's name.",
        ),
    )
    meeting_point_address = _text(
        _("settings_meeting_point_address", default="Meeting point street address"),
        _("settings_default_commune", default="Empty: the mairie's address."),
    )
    meeting_point_zip_code = _ascii(
        _("settings_meeting_point_zip_code", default="Meeting point postal code"),
        _("settings_default_commune", default="Empty: the mairie's address."),
    )
    meeting_point_city = _text(
        _("settings_meeting_point_city", default="Meeting point city"),
        _("settings_default_commune", default="Empty: the mairie's address."),
    )
    meeting_point_latitude = schema.Float(
        title=_("settings_meeting_point_latitude", default="Meeting point latitude"),
        description=_(
            "settings_meeting_point_coordinates_help",
            default="Empty: the mairie's, from the commune profile. Without any coordinates "
            "the national search engine leaves this meeting point out.",
        ),
        required=False,
        min=-90.0,
        max=90.0,
    )
    meeting_point_longitude = schema.Float(
        title=_("settings_meeting_point_longitude", default="Meeting point longitude"),
        description=_(
            "settings_meeting_point_coordinates_help",
            default="Empty: the mairie's, from the commune profile. Without any coordinates "
            "the national search engine leaves this meeting point out.",
        ),
        required=False,
        min=-180.0,
        max=180.0,
    )
    # SMS
    sms_enabled = schema.Bool(
        title=_("settings_sms_enabled", default="Send SMS reminders"),
        required=False,
        default=False,
    )
    sms_provider = schema.Choice(
        title=_("settings_sms_provider", default="SMS provider"),
        description=_(
            "settings_sms_provider_help",
            default="« outbox » keeps the messages in the site (page « SMS envoyés »); "
            "« ovh » sends them through OVHcloud.",
        ),
        values=("outbox", "ovh"),
        required=True,
        default="outbox",
    )
    ovh_endpoint = schema.ASCIILine(
        title=_("settings_ovh_endpoint", default="OVHcloud API region"),
        description=_("settings_ovh_endpoint_help", default="ovh-eu for OVHcloud Europe."),
        required=False,
        default="ovh-eu",
        constraint=_known_region,
    )
    ovh_application_key = _ascii(
        _("settings_ovh_application_key", default="OVHcloud application key")
    )
    ovh_application_secret = _ascii(
        _("settings_ovh_application_secret", default="OVHcloud application secret")
    )
    ovh_consumer_key = _ascii(_("settings_ovh_consumer_key", default="OVHcloud consumer key"))
    ovh_service_name = _ascii(
        _("settings_ovh_service_name", default="OVHcloud SMS service name"),
        _("settings_ovh_service_name_help", default="e.g. sms-ab12345-1"),
    )
    ovh_sender = _ascii(
        _("settings_ovh_sender", default="SMS sender"),
        _(
            "settings_ovh_sender_help",
            default="A sender name registered at OVHcloud; empty: a short number.",
        ),
    )


def integration_settings(site=None):
    """The settings of ``site``, or of the current site."""
    registry = site.portal_registry if site is not None else getUtility(IRegistry)
    return registry.forInterface(IRdvIntegrationSettings, prefix=PREFIX)
