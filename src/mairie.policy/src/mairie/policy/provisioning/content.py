"""The site's structure and the content an agency brings at order time.

Every function here is idempotent: it creates what is missing and leaves in
place what editors may have changed since.
"""

from Acquisition import aq_base
from DateTime import DateTime
from datetime import datetime
from mairie.policy import _
from mairie.policy.bulletins.provisioning import sync_bulletins
from mairie.policy.commune.schema import Document
from mairie.policy.commune.schema import Profile
from mairie.policy.council.provisioning import sync_members
from mairie.policy.modules import modules
from pathlib import Path
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.base.interfaces.constrains import ENABLED
from plone.base.interfaces.constrains import ISelectableConstrainTypes
from plone.i18n.normalizer.interfaces import IIDNormalizer
from plone.namedfile.file import NamedBlobFile
from plone.namedfile.file import NamedBlobImage
from zope.component import getUtility
from zope.i18n import translate

import html


MAIRIE = "ma-mairie"
PROCEDURES = "demarches"
LIVING = "vivre-a"
COUNCIL = "vie-municipale/conseil-municipal"
SESSIONS = "vie-municipale/seances"
ACTS = "vie-municipale/actes"
BULLETINS = "vie-municipale/bulletins"
DIRECTORY = f"{LIVING}/annuaire"
SERVICES = f"{PROCEDURES}/services-publics"
NEWS = "actualites"
NEWS_VIEW = "liste-des-actualites"  # agenda/: newest first, with their dates
AGENDA = "agenda"
ALERTS = "alertes"

# (path, type, title, view or None for the type's own, shown in navigation),
# in the order of the main navigation. A title of None is the profile's
# "Vivre à …".
STRUCTURE = (
    (MAIRIE, "Folder", _("My town hall"), "listing_view", True),
    ("vie-municipale", "Folder", _("Municipal life"), "listing_view", True),
    (PROCEDURES, "Folder", _("Procedures"), "listing_view", True),
    (LIVING, "Folder", None, "listing_view", True),
    (NEWS, "Folder", _("News"), NEWS_VIEW, True),
    (AGENDA, "Folder", _("Agenda"), "event_listing", True),
    (COUNCIL, "mairie.Council", _("Municipal council"), None, True),
    (SESSIONS, "Folder", _("Council sessions"), "seances", True),
    (ACTS, "mairie.ActsRegister", _("Register of acts"), None, True),
    (BULLETINS, "mairie.Bulletins", _("Municipal bulletins"), None, True),
    (DIRECTORY, "mairie.Directory", _("Directory"), None, True),
    (SERVICES, "Folder", _("Local public services"), "services-publics", True),
    ("images-en-tete", "Folder", _("Header images"), "album_view", False),
    (ALERTS, "mairie.Alerts", _("Alerts"), None, False),
)


# What « Ajout d'un élément » offers in each section (the mairie types' own sections say it
# in their FTI), with the types the modules add (Module.allowed_types); a type of a module
# the commune does not have is left out.
PAGES = ("Document", "Folder", "File", "Image", "Link")
ALLOWED_TYPES = {
    MAIRIE: (*PAGES, "mairie.PublicOffice", "EasyForm"),
    "vie-municipale": (*PAGES, "mairie.Council", "mairie.ActsRegister", "mairie.Bulletins"),
    PROCEDURES: (*PAGES, "EasyForm", "mairie.PublicOffice"),
    LIVING: (*PAGES, "mairie.Directory", "mairie.PublicOffice", "Event"),
    NEWS: ("News Item", "Image", "File"),
    AGENDA: ("Event",),
    SESSIONS: ("mairie.CouncilSession", "File"),
    SERVICES: ("mairie.PublicOffice", "Document", "Link"),
    "images-en-tete": ("Image",),
}
# On the folder: the types provisioning last allowed, to tell them from an editor's choice.
APPLIED = "mairie_allowed_types"


def _allowed_types() -> dict[str, tuple[str, ...]]:
    """``ALLOWED_TYPES`` and, after the core's, the types each module offers in a section."""
    merged = dict(ALLOWED_TYPES)
    for module in modules().values():
        for path, types in module.allowed_types.items():
            merged[path] = (*merged.get(path, ()), *types)
    return merged


def ensure_allowed_types(site) -> list[str]:
    """Each section offers only its own types; the paths of sections left as an editor set them.

    A section whose constraints were never set (Plone's default), or still allow
    what provisioning last allowed, gets the list of ``_allowed_types()``.
    """
    existing = set(site.portal_types.objectIds())
    kept = []
    for path, wanted in _allowed_types().items():
        folder = site.unrestrictedTraverse(path, None)
        if folder is None:
            continue
        base = aq_base(folder)
        never_set = not hasattr(base, "constrain_types_mode")
        ours = getattr(base, "constrain_types_mode", None) == ENABLED and tuple(
            getattr(base, "locally_allowed_types", ())
        ) == getattr(base, APPLIED, None)
        if not (never_set or ours):
            kept.append(path)
            continue
        constraints = ISelectableConstrainTypes(folder)
        types = tuple(name for name in wanted if name in existing)
        constraints.setConstrainTypesMode(ENABLED)
        constraints.setLocallyAllowedTypes(types)
        constraints.setImmediatelyAddableTypes(types)
        setattr(folder, APPLIED, types)
    return kept


def ensure_structure(site, profile: Profile) -> None:
    for path, portal_type, title, view, in_navigation in STRUCTURE:
        parent_path, _sep, name = path.rpartition("/")
        parent = site.unrestrictedTraverse(parent_path) if parent_path else site
        if name not in parent:
            folder = api.content.create(
                container=parent,
                type=portal_type,
                id=name,
                title=profile.living_in
                if title is None
                else translate(title, target_language="fr"),
                exclude_from_nav=not in_navigation,
            )
            if view:
                folder.setLayout(view)
            publish(folder)
            if not parent_path:
                _place(site, name)
    ensure_allowed_types(site)


def _place(site, name: str) -> None:
    """A new top-level section takes its place in the navigation; editors may move it later."""
    position = [path for path, *_rest in STRUCTURE if "/" not in path].index(name)
    site.moveObjectToPosition(name, min(position, len(site.objectIds()) - 1))


def sync_council(site, profile: Profile) -> None:
    """The mayor and deputies of the profile, as council members."""
    sync_members(
        site.unrestrictedTraverse(COUNCIL), profile.council.mayor, profile.council.deputies
    )


def sync_documents(site, profile: Profile) -> None:
    """The latest bulletins, and the council's reports beside its sessions."""
    sync_bulletins(site.unrestrictedTraverse(BULLETINS), profile.documents.bulletins)
    sessions = site.unrestrictedTraverse(SESSIONS)
    for document in profile.documents.council:
        _sync_document(sessions, document)


def _sync_document(folder, document: Document) -> None:
    path = Path(document.file)
    data = path.read_bytes()
    name = normalize_id(path.stem)
    item = folder.get(name)
    if item is None:
        item = api.content.create(container=folder, type="File", id=name, title=document.title)
        publish(item)
    changed = False
    if item.file is None or item.file.data != data:
        item.file = NamedBlobFile(data=data, filename=path.name, contentType="application/pdf")
        changed = True
    if item.title != document.title:
        item.title = document.title
        changed = True
    effective = DateTime(_noon(document.date))
    if item.effective_date != effective:
        item.setEffectiveDate(effective)
        changed = True
    if changed:
        item.reindexObject()


def sync_header_images(site, profile: Profile) -> None:
    folder = site["images-en-tete"]
    for position, image_path in enumerate(profile.identity.header_images):
        path = Path(image_path)
        data = path.read_bytes()
        name = normalize_id(path.stem)
        item = folder.get(name)
        if item is None:
            item = api.content.create(
                container=folder, type="Image", id=name, title=path.stem.replace("-", " ")
            )
            publish(item)
        if item.image is None or item.image.data != data:
            item.image = NamedBlobImage(data=data, filename=path.name)
            item.reindexObject()
        if folder.getObjectPosition(name) != position:
            folder.moveObjectToPosition(name, position)


def create_news(site, profile: Profile) -> None:
    """The first news items; later runs leave them to the editors."""
    folder = site["actualites"]
    for news in profile.news:
        name = normalize_id(news.title)
        if name in folder:
            continue
        item = api.content.create(
            container=folder,
            type="News Item",
            id=name,
            title=news.title,
            description=news.description,
            text=RichTextValue(paragraphs(news.text), "text/html", "text/x-html-safe"),
        )
        item.setEffectiveDate(_noon(news.date))
        publish(item)


def paragraphs(text: str) -> str:
    """Plain text with blank lines between paragraphs, as HTML paragraphs."""
    return "".join(
        f"<p>{html.escape(block.strip())}</p>" for block in text.split("\n\n") if block.strip()
    )


def publish(obj) -> None:
    """Publish, unless the type has no workflow (files and images follow their folder)."""
    if api.content.get_state(obj, default=None) == "private":
        api.content.transition(obj, "publish")


def normalize_id(text: str) -> str:
    return getUtility(IIDNormalizer).normalize(text, max_length=80)


def _noon(day):
    return datetime(day.year, day.month, day.day, 12, 0).isoformat()
