"""The roles of elected members, in the order the law lists them, and their French titles.

A title agrees with the member: « 1re adjointe au maire », « Conseillère municipale »
for a member whose civility is Madame (the Haut Conseil à l'égalité's guide and the
circulaire of 21 November 2017 on feminine forms of functions); « Maire » for both.
"""

from mairie.policy import _
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


MAYOR, DEPUTY, DELEGATE, COUNCILLOR = "maire", "adjoint", "conseiller_delegue", "conseiller"
MADAME, MONSIEUR = "madame", "monsieur"

ROLES = SimpleVocabulary(
    [
        SimpleTerm(MAYOR, MAYOR, _("role_mayor", default="Mayor")),
        SimpleTerm(DEPUTY, DEPUTY, _("role_deputy", default="Deputy mayor")),
        SimpleTerm(DELEGATE, DELEGATE, _("role_delegate", default="Delegated councillor")),
        SimpleTerm(COUNCILLOR, COUNCILLOR, _("role_councillor", default="Municipal councillor")),
    ]
)

CIVILITIES = SimpleVocabulary(
    [
        SimpleTerm(MADAME, MADAME, _("civility_madame", default="Madam")),
        SimpleTerm(MONSIEUR, MONSIEUR, _("civility_monsieur", default="Sir")),
    ]
)

# The feminine title of each role; the masculine is the vocabulary's.
_FEMININE = {
    MAYOR: _("role_mayor_feminine", default="Mayor"),
    DEPUTY: _("role_deputy_feminine", default="Deputy mayor"),
    DELEGATE: _("role_delegate_feminine", default="Delegated councillor"),
    COUNCILLOR: _("role_councillor_feminine", default="Municipal councillor"),
}


def role_title(role: str, rank: int | None = None, civility: str | None = None):
    """The message of a member's title: « 2e adjoint au maire », « 1re adjointe au maire »."""
    feminine = civility == MADAME
    if role == DEPUTY and rank:
        if feminine:
            return _(
                "role_deputy_rank_feminine",
                default="${rank} deputy mayor",
                mapping={"rank": "1re" if rank == 1 else f"{rank}e"},
            )
        return _(
            "role_deputy_rank",
            default="${rank} deputy mayor",
            mapping={"rank": "1er" if rank == 1 else f"{rank}e"},
        )
    return _FEMININE[role] if feminine else ROLES.getTerm(role).title
