"""The demo commune's accessibility documents, written as its editors would (plans.py)."""

from .plans import ACTION_PLAN
from .plans import ensure_plan_pages
from .plans import fill
from .plans import MULTIYEAR_PLAN
from .plans import RESULTS
from mairie.policy.commune.schema import Model
from mairie.policy.provisioning.content import paragraphs
from pydantic import Field


class DemoAccessibility(Model):
    multiyear_plan: str = Field(min_length=1)
    action_plan: str = Field(min_length=1)
    results: str = Field(min_length=1)


def add_accessibility_documents(site, documents: DemoAccessibility | None) -> None:
    if documents is None:
        return
    ensure_plan_pages(site)
    for page, text in (
        (MULTIYEAR_PLAN, documents.multiyear_plan),
        (ACTION_PLAN, documents.action_plan),
        (RESULTS, documents.results),
    ):
        fill(site[page.id], paragraphs(text))
