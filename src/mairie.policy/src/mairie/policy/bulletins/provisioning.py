"""The latest bulletins listed in the commune profile, as bulletin issues."""

from pathlib import Path
from plone import api
from plone.namedfile.file import NamedBlobFile
from plone.namedfile.file import NamedBlobImage
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

import re


NUMBER = re.compile(r"\b(?:n\s?[°º]|no\.?|numéro)\s*(\d+)", re.IGNORECASE)


def sync_bulletins(section, documents) -> None:
    """Create or update one published issue per document (title, date, file, cover).

    The issue's id is the file name's stem; its number comes from the title
    ("… n° 42 …"), else it is one more than the highest number so far. Nothing
    is written when nothing changed.
    """
    for document in documents:
        path = Path(document.file)
        data = path.read_bytes()
        issue = section.get(path.stem)
        number = issue_number(document.title)
        cover = Path(document.cover) if document.cover else None
        if issue is None:
            issue = api.content.create(
                container=section,
                type="mairie.Bulletin",
                id=path.stem,
                title=document.title,
                number=number or _next_number(section),
                issue_date=document.date,
                file=_pdf(data, path.name),
                cover=cover and NamedBlobImage(data=cover.read_bytes(), filename=cover.name),
            )
        else:
            changed = False
            wanted = [("title", document.title), ("issue_date", document.date)]
            if number is not None:
                wanted.append(("number", number))
            for field, value in wanted:
                if getattr(issue, field) != value:
                    setattr(issue, field, value)
                    changed = True
            if issue.file is None or issue.file.getSize() != len(data) or issue.file.data != data:
                issue.file = _pdf(data, path.name)
                changed = True
            if cover and (issue.cover is None or issue.cover.data != cover.read_bytes()):
                issue.cover = NamedBlobImage(data=cover.read_bytes(), filename=cover.name)
                changed = True
            if changed:
                notify(ObjectModifiedEvent(issue))
        if api.content.get_state(issue) == "private":
            api.content.transition(issue, "publish")


def issue_number(title: str) -> int | None:
    """The number in "Le Trait d'union n° 42 – printemps 2026", or None."""
    match = NUMBER.search(title)
    return int(match.group(1)) if match else None


def _next_number(section) -> int:
    numbers = [
        issue.number or 0
        for issue in section.objectValues()
        if issue.portal_type == "mairie.Bulletin"
    ]
    return max(numbers, default=0) + 1


def _pdf(data: bytes, filename: str) -> NamedBlobFile:
    return NamedBlobFile(data=data, filename=filename, contentType="application/pdf")
