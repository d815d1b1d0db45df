"""The latest bulletins listed in the commune profile, as bulletin issues."""

from mairie.policy.commune.schema import Document
from pathlib import Path
from plone import api
from plone.namedfile.file import NamedBlobFile
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

import re


def sync_bulletins(section, documents: list[Document]) -> None:
    """Create or update one issue per document; nothing is written when nothing changed."""
    for document in documents:
        path = Path(document.file)
        data = path.read_bytes()
        name = path.stem
        issue = section.get(name)
        number = _number(document.title) or _number(path.stem) or 1
        if issue is None:
            issue = api.content.create(
                container=section,
                type="mairie.Bulletin",
                id=name,
                title=document.title,
                number=number,
                issue_date=document.date,
                file=NamedBlobFile(data=data, filename=path.name, contentType="application/pdf"),
            )
            api.content.transition(issue, "publish")
            continue
        changed = False
        for field, value in (
            ("title", document.title),
            ("number", number),
            ("issue_date", document.date),
        ):
            if getattr(issue, field) != value:
                setattr(issue, field, value)
                changed = True
        if issue.file.data != data:
            issue.file = NamedBlobFile(data=data, filename=path.name, contentType="application/pdf")
            changed = True
        if changed:
            notify(ObjectModifiedEvent(issue))


def _number(text: str) -> int | None:
    match = re.search(r"(?:n°|no|numéro|-)\s*(\d+)", text, re.IGNORECASE)
    return int(match.group(1)) if match else None
