"""Which field of a form holds the person's e-mail address."""

from collective.easyform.interfaces import IFieldExtender
from collective.easyform.interfaces import ILabel
from plone.schema.email import IEmail
from zope.schema import getFieldsInOrder


# Names an editor's form may give its e-mail field: EasyForm's own new form
# says « replyto », the ready-made forms « email ».
USUAL_NAMES = ("email", "replyto", "courriel", "mail")


def email_field_name(schema, configured: str = "") -> str | None:
    """The field named in the SVE action if the form has it, else the form's e-mail field.

    The form's e-mail field is its first field of type e-mail, else the first
    checked as an address (EasyForm's « isValidEmail », as in a new form's
    « replyto »), else one with a usual name; None when there is none.
    """
    fields = [
        (name, field) for name, field in getFieldsInOrder(schema) if not ILabel.providedBy(field)
    ]
    names = [name for name, _field in fields]
    if configured and configured in names:
        return configured
    for name, field in fields:
        if IEmail.providedBy(field):
            return name
    for name, field in fields:
        if "isValidEmail" in (_validators(field) or ()):
            return name
    for name in USUAL_NAMES:
        if name in names:
            return name
    return None


def _validators(field):
    try:
        return IFieldExtender(field).validators
    except TypeError:
        return None
