"""The municipal bulletin: a section holding the issues, and the issue itself."""

from mairie.policy import _
from mairie.policy.acts.act import is_pdf
from plone.dexterity.content import Container
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.namedfile.field import NamedBlobImage
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


class IBulletins(model.Schema):
    """Title and description come from the plone.basic behavior."""


@implementer(IBulletins)
class Bulletins(Container):
    pass


class IBulletin(model.Schema):
    number = schema.Int(title=_("label_bulletin_number", default="Issue number"), min=1)
    issue_date = schema.Date(title=_("label_issue_date", default="Issue date"))
    cover = NamedBlobImage(title=_("label_cover", default="Cover"), required=False)
    file = NamedBlobFile(
        title=_("label_bulletin_file", default="The bulletin as a PDF"), constraint=is_pdf
    )
    summary = schema.Text(title=_("label_summary", default="Summary"), required=False)


@implementer(IBulletin)
class Bulletin(Item):
    pass


def effective_from_issue_date(bulletin, event) -> None:
    """Listings sort on the effective date: it is the issue date."""
    bulletin.setEffectiveDate(bulletin.issue_date.isoformat())
    bulletin.reindexObject(idxs=["effective", "effectiveRange"])
