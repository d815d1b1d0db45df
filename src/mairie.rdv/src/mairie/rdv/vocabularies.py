"""The services of the agenda around the context, for a counter's form."""

from mairie.rdv.content.agenda import agenda_of
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


@provider(IVocabularyFactory)
def services(context):
    agenda = agenda_of(context)
    items = agenda.services() if agenda is not None else []
    return SimpleVocabulary(
        [SimpleTerm(item.getId(), item.getId(), item.Title()) for item in items]
    )
