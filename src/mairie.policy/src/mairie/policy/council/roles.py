"""The roles of elected members, in the order the law lists them."""

from mairie.policy import _
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


MAYOR, DEPUTY, DELEGATE, COUNCILLOR = "maire", "adjoint", "conseiller_delegue", "conseiller"

ROLES = SimpleVocabulary(
    [
        SimpleTerm(MAYOR, MAYOR, _("role_mayor", default="Mayor")),
        SimpleTerm(DEPUTY, DEPUTY, _("role_deputy", default="Deputy mayor")),
        SimpleTerm(DELEGATE, DELEGATE, _("role_delegate", default="Delegated councillor")),
        SimpleTerm(COUNCILLOR, COUNCILLOR, _("role_councillor", default="Municipal councillor")),
    ]
)
