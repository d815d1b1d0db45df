from mairie.themes import _
from mairie.themes.appearance import PALETTE
from mairie.themes.browser.colour import ColourFieldWidget
from mairie.themes.interfaces import IAppearanceSettings
from mairie.themes.interfaces import SETTINGS_PREFIX
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


STATIC = "++resource++mairie.themes.appearance"


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

    def updateFields(self):
        super().updateFields()
        for _property, name, _default in PALETTE:
            self.fields[name].widgetFactory = ColourFieldWidget


class AppearanceControlPanel(ControlPanelFormWrapper):
    form = AppearanceForm
    index = ViewPageTemplateFile("templates/appearance.pt")

    @property
    def static(self):
        return f"{self.context.absolute_url()}/{STATIC}"
