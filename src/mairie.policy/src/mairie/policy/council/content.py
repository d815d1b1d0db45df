"""The municipal council (a container) and its elected members."""

from .roles import CIVILITIES
from .roles import COUNCILLOR
from .roles import DEPUTY
from .roles import ROLES
from .validators import council_and_member
from .validators import position_taken
from mairie.policy import _
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobImage
from plone.schema import Email
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant


class ICouncil(model.Schema):
    """Title and description come from the plone.basic behavior."""


@implementer(ICouncil)
class Council(Container):
    pass


def _value(data, name):
    """A field's value in an invariant; None when the form could not read it."""
    try:
        return getattr(data, name)
    except (AttributeError, TypeError):
        return None


class ICouncilMember(model.Schema):
    first_name = schema.TextLine(title=_("label_first_name", default="First name"))
    last_name = schema.TextLine(title=_("label_last_name", default="Last name"))
    civility = schema.Choice(
        title=_("label_civility", default="Civility"),
        description=_(
            "help_civility",
            default="Writes the function in the feminine or the masculine: "
            "« Adjointe au maire », « Conseiller municipal ».",
        ),
        vocabulary=CIVILITIES,
        required=False,
    )
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
    committees = schema.Tuple(
        title=_("label_committees", default="Committees"),
        description=_("help_committees", default="One per line."),
        value_type=schema.TextLine(),
        required=False,
        missing_value=(),
        default=(),
    )
    political_group = schema.TextLine(
        title=_("label_political_group", default="Political group"), required=False
    )
    # Only editors read the address; pages and the API show it when show_email is set.
    directives.read_permission(email="cmf.ModifyPortalContent")
    email = Email(title=_("label_email", default="E-mail"), required=False)
    show_email = schema.Bool(
        title=_("label_show_email", default="Show the e-mail address on the site"),
        default=False,
        required=False,
    )

    @invariant
    def deputies_have_a_rank(data):
        if _value(data, "role") == DEPUTY and not _value(data, "rank"):
            raise Invalid(_("error_deputy_without_rank", default="A deputy mayor needs a rank."))

    @invariant
    def one_member_per_position(data):
        council, member = council_and_member(getattr(data, "__context__", None))
        if council is None:
            return
        message = position_taken(council, _value(data, "role"), _value(data, "rank"), member)
        if message is not None:
            raise Invalid(message)


@implementer(ICouncilMember)
class CouncilMember(Item):
    @property
    def title(self):
        return " ".join(part for part in (self.first_name, self.last_name) if part)

    @title.setter
    def title(self, value):
        """The title is the member's name: set first and last names instead."""

    def lines(self, field):
        """A text field's non-empty lines, or a tuple field's non-empty items."""
        value = getattr(self, field, None) or ()
        if isinstance(value, str):
            value = value.splitlines()
        return [line.strip() for line in value if line and line.strip()]
