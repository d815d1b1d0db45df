"""The municipal bulletin: a section holding the issues, and the issue itself."""

from mairie.policy import _
from mairie.policy.pdf import pdf_constraint
from mairie.policy.uploads.widget import UploadFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.namedfile.field import NamedBlobImage
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.schema import ValidationError


class NotAPDF(ValidationError):
    __doc__ = _(
        "error_bulletin_not_a_pdf",
        default="This file is not a PDF document: send the bulletin as a PDF file.",
    )


is_pdf = pdf_constraint(NotAPDF)


class IBulletins(model.Schema):
    """Title and description come from the plone.basic behavior."""


@implementer(IBulletins)
class Bulletins(Container):
    pass


class IBulletin(model.Schema):
    number = schema.Int(title=_("label_bulletin_number", default="Issue number"), min=1)
    issue_date = schema.Date(title=_("label_issue_date", default="Issue date"))
    cover = NamedBlobImage(title=_("label_cover", default="Cover"), required=False)
    directives.widget("file", UploadFieldWidget)
    file = NamedBlobFile(
        title=_("label_bulletin_file", default="The bulletin as a PDF"), constraint=is_pdf
    )
    summary = schema.Text(title=_("label_summary", default="Summary"), required=False)


@implementer(IBulletin)
class Bulletin(Item):
    pass


def effective_from_issue_date(bulletin, event) -> None:
    """Listings sort on the effective date: it is the issue date."""
    if bulletin.issue_date is None:
        return
    effective = bulletin.issue_date.isoformat()
    current = bulletin.effective_date
    if current is None or current.Date() != effective.replace("-", "/"):
        bulletin.setEffectiveDate(effective)
        bulletin.reindexObject(idxs=["effective", "effectiveRange"])
