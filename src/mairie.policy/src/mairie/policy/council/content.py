"""The municipal council (a container) and its elected members."""

from mairie.policy import _
from plone.dexterity.content import Container
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobImage
from plone.schema import Email
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant
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


class ICouncil(model.Schema):
    """Title and description come from the plone.basic behavior."""


@implementer(ICouncil)
class Council(Container):
    pass


class ICouncilMember(model.Schema):
    first_name = schema.TextLine(title=_("label_first_name", default="First name"))
    last_name = schema.TextLine(title=_("label_last_name", default="Last name"))
    photo = NamedBlobImage(title=_("label_photo", default="Photo"), required=False)
    role = schema.Choice(
        title=_("label_role", default="Role"), vocabulary=ROLES, default=COUNCILLOR
    )
    rank = schema.Int(
        title=_("label_rank", default="Rank"),
        description=_(
            "help_rank", default="For a deputy mayor: 1 for the first deputy, and so on."
        ),
        required=False,
        min=1,
        max=30,
    )
    delegations = schema.Text(
        title=_("label_delegations", default="Delegations"),
        description=_("help_delegations", default="One per line."),
        required=False,
    )
    committees = schema.Text(
        title=_("label_committees", default="Committees"),
        description=_("help_committees", default="One per line."),
        required=False,
    )
    political_group = schema.TextLine(
        title=_("label_political_group", default="Political group"), required=False
    )
    email = Email(title=_("label_email", default="E-mail"), required=False)
    show_email = schema.Bool(
        title=_("label_show_email", default="Show the e-mail address on the site"),
        default=False,
        required=False,
    )

    @invariant
    def deputies_have_a_rank(data):
        if data.role == DEPUTY and not data.rank:
            raise Invalid(_("error_deputy_without_rank", default="A deputy mayor needs a rank."))


@implementer(ICouncilMember)
class CouncilMember(Item):
    @property
    def title(self):
        return " ".join(part for part in (self.first_name, self.last_name) if part)

    @title.setter
    def title(self, value):
        """The title is the member's name: set first and last names instead."""

    def lines(self, field):
        return [
            line.strip() for line in (getattr(self, field, None) or "").splitlines() if line.strip()
        ]
