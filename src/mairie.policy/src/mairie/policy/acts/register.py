"""The public register of acts: search, filters and the open-data export rows.

Views (register_view, @@actes.csv, @@actes.json) only call these functions.
"""

from mairie.policy import csvexport
from mairie.policy.acts.vocabularies import ACTES_SUBJECTS
from mairie.policy.acts.vocabularies import DELIBERATION
from mairie.policy.acts.vocabularies import NATURES
from mairie.policy.acts.vocabularies import SUBJECTS
from plone import api
from plone.base.utils import munge_search_term

import re


# Column order of the national schema scdl/deliberations 2.1.5
# (schema.data.gouv.fr/scdl/deliberations): the first seven are required.
SCDL_COLUMNS = (
    "COLL_NOM",
    "COLL_SIRET",
    "DELIB_ID",
    "DELIB_DATE",
    "DELIB_MATIERE_CODE",
    "DELIB_MATIERE_NOM",
    "DELIB_OBJET",
    "BUDGET_ANNEE",
    "BUDGET_NOM",
    "PREF_ID",
    "PREF_DATE",
    "VOTE_EFFECTIF",
    "VOTE_REEL",
    "VOTE_POUR",
    "VOTE_CONTRE",
    "VOTE_ABSTENTION",
    "DELIB_URL",
)


class Filters:
    """The register's filters, read from a request's form and checked.

    Unknown values are dropped rather than refused: a hand-edited URL
    gives the unfiltered register, not an error page.
    """

    def __init__(self, nature=None, year=None, subject=None, text=None):
        self.nature = nature if nature in NATURES else None
        self.subject = subject if subject in SUBJECTS else None
        self.year = int(year) if year and str(year).isdigit() else None
        self.text = (text or "").strip()

    @classmethod
    def from_form(cls, form):
        def one(name):
            value = form.get(name)
            return value[0] if isinstance(value, list) and value else value

        return cls(one("nature"), one("year"), one("subject"), one("text"))

    def query(self):
        query = {}
        if self.nature:
            query["act_nature"] = self.nature
        if self.year:
            query["act_year"] = self.year
        if self.subject:
            query["act_subject_code"] = self.subject
        if self.text:
            query["SearchableText"] = munge_search_term(self.text)
        return query

    def __bool__(self):
        return bool(self.nature or self.year or self.subject or self.text)


def search(register, filters=None):
    """Catalog brains of the published acts of this register, newest first."""
    query = {
        "portal_type": "mairie.Act",
        "review_state": "published",
        "path": "/".join(register.getPhysicalPath()),
        "sort_on": "act_sort",
        "sort_order": "descending",
    }
    if filters is not None:
        query.update(filters.query())
    return api.portal.get_tool("portal_catalog").searchResults(**query)


def years(register):
    """Years that have published acts in this register, newest first."""
    return sorted({brain.act_year for brain in search(register)} - {None}, reverse=True)


def subject_name(act):
    """DELIB_MATIERE_NOM: ACTES level-1 title, then the sub-subject, in lower case,
    without commas nor parentheses, separated by a slash (schema rule)."""
    parts = [ACTES_SUBJECTS.get(act.subject_code, "")]
    if act.subject_label:
        parts.append(act.subject_label)
    return "/".join(re.sub(r"[,()]", "", part).strip().lower() for part in parts if part)


def scdl_row(act, commune_name, commune_siret):
    """One act as a row of the SCDL « Délibérations » schema (values as typed)."""
    return {
        "COLL_NOM": commune_name,
        "COLL_SIRET": commune_siret,
        "DELIB_ID": act.number,
        "DELIB_DATE": act.decision_date.isoformat(),
        # The schema wants the second ACTES level (« 7.1 »); without one the
        # first level is the best we know, and Validata will flag it.
        "DELIB_MATIERE_CODE": act.subject_subcode or act.subject_code,
        "DELIB_MATIERE_NOM": subject_name(act),
        "DELIB_OBJET": act.title,
        "BUDGET_ANNEE": None,
        "BUDGET_NOM": None,
        "PREF_ID": None,
        "PREF_DATE": None,
        "VOTE_EFFECTIF": act.vote_effective,
        "VOTE_REEL": act.vote_present,
        "VOTE_POUR": act.vote_for,
        "VOTE_CONTRE": act.vote_against,
        "VOTE_ABSTENTION": act.vote_abstention,
        "DELIB_URL": f"{act.absolute_url()}/@@download/file",
    }


def scdl_rows(register):
    """The open-data rows of the register: published deliberations only.

    The SCDL schema describes « délibérations adoptées par une collectivité »
    (its fields are the council's vote); arrêtés and decisions of the mayor
    are not deliberations and would make the dataset lie, so they stay out.
    """
    name = api.portal.get_registry_record("mairie.commune.name", default="") or ""
    siret = api.portal.get_registry_record("mairie.commune.siret", default="") or ""
    brains = search(register, Filters(nature=DELIBERATION))
    return [scdl_row(brain.getObject(), name, siret) for brain in brains]


def to_csv(rows):
    """CSV as the SCDL expects: UTF-8, comma, header line, empty for missing.

    Through the project's one writer: this public file is opened in spreadsheets
    too, so a title typed as a formula is shown as text. The fields it can change
    are the schema's free strings (object, subject name, act number, commune
    name), where the apostrophe stays valid; its dates, codes, SIRET, URL and
    vote counts (never negative) never start like a formula. The JSON export
    keeps every value as typed.
    """
    lines = [[row[column] for column in SCDL_COLUMNS] for row in rows]
    return csvexport.to_csv([SCDL_COLUMNS, *lines], delimiter=",")
