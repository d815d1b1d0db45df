"""« Rendez-vous : ANTS et SMS » in Site Setup."""

from .schema import IRdvIntegrationSettings
from .schema import PREFIX
from mairie.rdv import _
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.z3cform import layout


class RdvIntegrationForm(RegistryEditForm):
    schema = IRdvIntegrationSettings
    schema_prefix = PREFIX
    label = _("settings_title", default="Appointments: ANTS and SMS")
    description = _(
        "settings_description",
        default="The national coordination of identity-document appointments (ANTS) and "
        "the text-message reminders.",
    )


RdvIntegrationControlPanel = layout.wrap_form(RdvIntegrationForm, ControlPanelFormWrapper)
