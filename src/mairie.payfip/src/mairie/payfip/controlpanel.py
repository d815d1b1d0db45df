"""« Paiement en ligne (PayFiP) » in the site setup: the commune's PayFiP settings."""

from .interfaces import IPayfipSettings
from mairie.payfip import _
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.z3cform import layout


class PayfipSettingsForm(RegistryEditForm):
    schema = IPayfipSettings
    schema_prefix = "mairie.payfip"
    label = _("payfip_controlpanel", default="Online payment (PayFiP)")
    description = _(
        "payfip_controlpanel_help",
        default="The commune's PayFiP agreement. The payments received are listed on the "
        "page « Payments » of the site (@@paiements).",
    )


PayfipControlPanel = layout.wrap_form(PayfipSettingsForm, ControlPanelFormWrapper)
