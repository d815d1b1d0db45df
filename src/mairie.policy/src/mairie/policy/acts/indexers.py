"""Catalog indexers of acts and sessions (indexes declared in profiles/default/catalog.xml)."""

from mairie.policy.acts.act import IAct
from mairie.policy.acts.act import number_key
from mairie.policy.acts.session import ICouncilSession
from plone import api
from plone.indexer import indexer


@indexer(IAct)
def act_number(obj):
    return obj.number


@indexer(IAct)
def act_number_key(obj):
    return number_key(obj.number, obj.decision_date)


@indexer(IAct)
def act_nature(obj):
    return obj.nature


@indexer(IAct)
def act_year(obj):
    return obj.decision_date.year


@indexer(IAct)
def act_subject_code(obj):
    return obj.subject_code


@indexer(IAct)
def act_session(obj):
    return obj.session


@indexer(IAct)
def act_replaces(obj):
    return obj.replaces


@indexer(IAct)
def act_sort(obj):
    """Newest decision first, then by number, once sorted descending."""
    return f"{obj.decision_date.isoformat()} {obj.number}"


@indexer(IAct)
def act_searchable_text(obj):
    parts = (obj.number, obj.title, obj.subject_subcode, obj.subject_label)
    return " ".join(part for part in parts if part)


@indexer(ICouncilSession)
def session_start(obj):
    return obj.start


@indexer(ICouncilSession)
def session_searchable_text(obj):
    parts = [obj.title, obj.place]
    if obj.agenda is not None:
        html = obj.agenda.output_relative_to(obj) or ""
        transforms = api.portal.get_tool("portal_transforms")
        parts.append(str(transforms.convertTo("text/plain", html, mimetype="text/html") or ""))
    return " ".join(part for part in parts if part)
