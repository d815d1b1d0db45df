"""A honeypot field for EasyForm: invisible to people, filled in by robots.

A field type of its own (registered like EasyForm's fields: a FieldFactory
and a supermodel handler named after the class) with a widget that keeps it
out of sight and out of screen readers (off-screen, aria-hidden, out of the
tab order, no autocomplete). A filled-in honeypot refuses the submission.
"""

from mairie.policy import _
from plone.schemaeditor.fields import FieldFactory
from plone.supermodel.exportimport import BaseHandler
from z3c.form.browser.text import TextWidget
from z3c.form.interfaces import IFieldWidget
from z3c.form.interfaces import IFormLayer
from z3c.form.interfaces import ITextWidget
from z3c.form.widget import FieldWidget
from zope.component import adapter
from zope.interface import implementer
from zope.schema import TextLine
from zope.schema import ValidationError
from zope.schema.interfaces import ITextLine


class IHoneypot(ITextLine):
    """A field people never see and must leave empty."""


class IHoneypotWidget(ITextWidget):
    pass


class HoneypotFilled(ValidationError):
    __doc__ = _(
        "error_sve_honeypot",
        default="Your request could not be sent: a field meant to stay empty was filled in.",
    )


@implementer(IHoneypot)
class Honeypot(TextLine):
    def __init__(self, **kw):
        kw["required"] = False
        super().__init__(**kw)

    def _validate(self, value):
        super()._validate(value)
        if value:
            raise HoneypotFilled()


@implementer(IHoneypotWidget)
class HoneypotWidget(TextWidget):
    def update(self):
        super().update()
        # The label lives inside the hidden block, not in the visible wrapper.
        self.label = ""


@adapter(IHoneypot, IFormLayer)
@implementer(IFieldWidget)
def HoneypotFieldWidget(field, request):
    return FieldWidget(field, HoneypotWidget(request))


def honeypot_names(schema) -> set[str]:
    return {name for name in schema if IHoneypot.providedBy(schema[name])}


HoneypotFactory = FieldFactory(Honeypot, _("label_honeypot_field", default="Anti-spam trap"))
HoneypotHandler = BaseHandler(Honeypot)
