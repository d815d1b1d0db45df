"""Form validators: the edit form refuses a new PDF on a published act."""

from mairie.policy.acts import publication
from mairie.policy.acts.act import IAct
from plone.formwidget.namedfile.validator import NamedFileWidgetValidator
from z3c.form import validator
from z3c.form.interfaces import NOT_CHANGED
from zope.schema import ValidationError


class FrozenFile(ValidationError):
    __doc__ = publication.FROZEN_MESSAGE


class ActFileValidator(NamedFileWidgetValidator):
    """On an existing act (the edit form), the PDF may not change once published.

    The add form's context is the container, so it is left alone; the
    IObjectModifiedEvent subscriber enforces the same rule outside forms.
    """

    def validate(self, value, force=False):
        super().validate(value, force)
        if value is NOT_CHANGED or not IAct.providedBy(self.context):
            return
        if not publication.accepts_file(self.context, value):
            raise FrozenFile()


validator.WidgetValidatorDiscriminators(ActFileValidator, field=IAct["file"])
