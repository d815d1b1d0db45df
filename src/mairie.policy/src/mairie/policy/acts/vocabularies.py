"""Vocabularies of acts and council sessions.

Static ones are module constants (used by the schemas directly); the
dynamic ones (sessions, acts) are named utilities, so plone.restapi's
@vocabularies endpoint offers them too.
"""

from mairie.policy import _
from plone import api
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


DELIBERATION = "deliberation"

NATURES = SimpleVocabulary(
    [
        SimpleTerm(DELIBERATION, DELIBERATION, _("nature_deliberation", default="Deliberation")),
        SimpleTerm("arrete", "arrete", _("nature_arrete", default="Order (arrêté)")),
        SimpleTerm("decision", "decision", _("nature_decision", default="Decision")),
        SimpleTerm("autre", "autre", _("nature_autre", default="Other")),
    ]
)

# First level of the ACTES nomenclature (Ministry of the Interior), with the
# official French titles: the SCDL export needs them verbatim, in lower case.
ACTES_SUBJECTS = {
    "1": "Commande publique",
    "2": "Urbanisme",
    "3": "Domaine et patrimoine",
    "4": "Fonction publique",
    "5": "Institutions et vie politique",
    "6": "Libertés publiques et pouvoirs de police",
    "7": "Finances locales",
    "8": "Domaines de compétences par thèmes",
    "9": "Autres domaines de compétences",
}

SUBJECTS = SimpleVocabulary(
    [
        SimpleTerm("1", "1", _("actes_subject_1", default="1 Public procurement")),
        SimpleTerm("2", "2", _("actes_subject_2", default="2 Town planning")),
        SimpleTerm("3", "3", _("actes_subject_3", default="3 Public property and estate")),
        SimpleTerm("4", "4", _("actes_subject_4", default="4 Civil service")),
        SimpleTerm("5", "5", _("actes_subject_5", default="5 Institutions and political life")),
        SimpleTerm("6", "6", _("actes_subject_6", default="6 Civil liberties and police powers")),
        SimpleTerm("7", "7", _("actes_subject_7", default="7 Local finances")),
        SimpleTerm("8", "8", _("actes_subject_8", default="8 Competences by theme")),
        SimpleTerm("9", "9", _("actes_subject_9", default="9 Other competences")),
    ]
)

SESSION_STATES = SimpleVocabulary(
    [
        SimpleTerm("planned", "planned", _("session_state_planned", default="Planned")),
        SimpleTerm("convened", "convened", _("session_state_convened", default="Convened")),
        SimpleTerm("held", "held", _("session_state_held", default="Held")),
        SimpleTerm("closed", "closed", _("session_state_closed", default="Closed")),
    ]
)


@provider(IVocabularyFactory)
def sessions_vocabulary(context):
    """Council sessions of the site, newest first."""
    brains = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        portal_type="mairie.CouncilSession", sort_on="start", sort_order="descending"
    )
    return SimpleVocabulary(
        [SimpleTerm(brain.UID, brain.UID, brain.Title or brain.getId) for brain in brains]
    )


@provider(IVocabularyFactory)
def acts_vocabulary(context):
    """Acts of the site, newest first, shown as « number – title »."""
    brains = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        portal_type="mairie.Act", sort_on="act_sort", sort_order="descending"
    )
    return SimpleVocabulary(
        [
            SimpleTerm(brain.UID, brain.UID, f"{brain.act_number} – {brain.Title}")
            for brain in brains
        ]
    )
