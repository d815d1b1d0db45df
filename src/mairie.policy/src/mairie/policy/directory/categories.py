"""The directory's categories, in the order the directory page shows them."""

from mairie.policy import _
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


CATEGORIES = SimpleVocabulary(
    [
        SimpleTerm(value, value, title)
        for value, title in (
            ("associations", _("directory_category_associations", default="Associations")),
            ("commerces", _("directory_category_commerces", default="Shops and businesses")),
            ("sante", _("directory_category_sante", default="Health")),
            ("ecoles", _("directory_category_ecoles", default="Schools and childhood")),
            (
                "equipements",
                _("directory_category_equipements", default="Facilities and public places"),
            ),
            (
                "tourisme",
                _("directory_category_tourisme", default="Tourism and accommodation"),
            ),
            (
                "solidarite",
                _("directory_category_solidarite", default="Solidarity and social services"),
            ),
        )
    ]
)

CATEGORY_IDS = tuple(term.value for term in CATEGORIES)


def position(category: str) -> int:
    """Where a category comes on the directory page (unknown ones last)."""
    return CATEGORY_IDS.index(category) if category in CATEGORY_IDS else len(CATEGORY_IDS)
