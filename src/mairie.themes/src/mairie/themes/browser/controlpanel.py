from mairie.themes import _
from mairie.themes.interfaces import IAppearanceSettings
from mairie.themes.interfaces import SETTINGS_PREFIX
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm


class AppearanceForm(RegistryEditForm):
    """« Apparence de la commune »: palette and slogan, checked for contrast."""

    schema = IAppearanceSettings
    schema_prefix = SETTINGS_PREFIX
    label = _("appearance_title", default="Commune appearance")
    description = _(
        "appearance_description",
        default="Colours are checked against white text (WCAG AA, 4.5:1). "
        "The logo, coat of arms and favicon are changed in the site settings.",
    )


class AppearanceControlPanel(ControlPanelFormWrapper):
    form = AppearanceForm
