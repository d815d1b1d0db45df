"""The accessibility policy the commune writes itself, linked from its statement.

The DINUM's model of the statement links to three documents only the commune can
write (loi 2005-102 art. 47, décret 2019-768 art. 3 and 4): its multi-year plan
(schéma pluriannuel, three years), the year's action plan and the results of last
year's actions. Provisioning creates one page for each, once, with a text saying
that it is not published yet; the commune's editors then write it (or attach the
adopted PDF) in the back-office, and provisioning never writes it again. The page
remembers the SHA-256 of the text provisioning wrote (``GENERATED``), so that
« Conformité de la commune » tells a page the commune filled in from one it did not.
"""

from .texts import in_language
from .texts import render
from dataclasses import dataclass
from hashlib import sha256
from mairie.policy import _
from mairie.policy.provisioning.content import publish
from plone import api
from plone.app.textfield.value import RichTextValue
from zope.annotation.interfaces import IAnnotations
from zope.i18nmessageid import Message


GENERATED = "mairie.policy.legal.plan_generated"


@dataclass(frozen=True)
class PlanPage:
    id: str
    title: Message
    kind: str  # the placeholder's wording in texts/accessibilite-a-publier.pt


MULTIYEAR_PLAN = PlanPage(
    "schema-pluriannuel-accessibilite",
    _("a11y_page_multiyear_plan", default="Multi-year accessibility plan"),
    "multiyear",
)
ACTION_PLAN = PlanPage(
    "plan-actions-accessibilite",
    _("a11y_page_action_plan", default="Accessibility action plan of the year"),
    "action_plan",
)
RESULTS = PlanPage(
    "bilan-actions-accessibilite",
    _("a11y_page_results", default="Accessibility actions carried out last year"),
    "results",
)
PLAN_PAGES = (MULTIYEAR_PLAN, ACTION_PLAN, RESULTS)


def ensure_plan_pages(site) -> None:
    """Create the pages that are missing (the statement links to them); leave the others."""
    for page in PLAN_PAGES:
        if page.id in site.objectIds():
            continue
        html = render("accessibilite-a-publier", kind=page.kind)
        item = api.content.create(
            container=site,
            type="Document",
            id=page.id,
            title=in_language(page.title),
            text=RichTextValue(html, "text/html", "text/x-html-safe"),
            exclude_from_nav=True,
        )
        IAnnotations(item)[GENERATED] = _digest(html)
        publish(item)


def written_by_the_commune(item) -> bool:
    """Whether the commune replaced the text provisioning wrote (its own text, or a file)."""
    text = item.text.raw if item.text else ""
    return bool(text.strip()) and IAnnotations(item).get(GENERATED) != _digest(text)


def fill(item, html: str) -> None:
    """Write the commune's text (the demo's, or a test's), as an editor would."""
    item.text = RichTextValue(html, "text/html", "text/x-html-safe")
    item.notifyModified()
    item.reindexObject()


def _digest(text: str) -> str:
    return sha256(text.encode("utf-8")).hexdigest()
