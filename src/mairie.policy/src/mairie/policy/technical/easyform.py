"""EasyForm's « Modifier le modèle XML » buttons, for the agency only.

Editing a form's fields or actions as XML is a developer's tool; the commune's
editors have the field and action editors. A form extender takes the button
away (no patch of collective.easyform): the forms are plone.z3cform
extensible forms. The model editors themselves are refused by ``guard``.
"""

from .guard import TECHNICAL_PERMISSION
from plone import api
from plone.z3cform.fieldsets.extensible import FormExtender


MODEL_EDITOR_BUTTON = "modeleditor"


class ModelEditorButtonForAgency(FormExtender):
    def update(self):
        if not api.user.has_permission(TECHNICAL_PERMISSION, obj=self.context):
            self.form.buttons = self.form.buttons.omit(MODEL_EDITOR_BUTTON)
