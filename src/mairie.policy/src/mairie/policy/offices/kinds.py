"""Kinds of public offices: the Annuaire de l'administration's ``type_service_local`` values.

Only the kinds a commune shows as "services publics de proximité" are named;
an Annuaire record of any other kind is imported as ``autre``. Some services
kept their old code after a rename (``pole_emploi`` is France Travail,
``msap`` a France Services), so both codes are listed.
"""

from mairie.policy import _
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


MAIRIE = "mairie"
OTHER = "autre"

KINDS = {
    MAIRIE: _("kind_mairie", default="Town hall"),
    "france_services": _("kind_france_services", default="France Services"),
    "msap": _("kind_msap", default="Public services centre (France Services)"),
    "sgc": _("kind_sgc", default="Public finances: accounting service (SGC)"),
    "tresorerie": _("kind_tresorerie", default="Treasury"),
    "sip": _("kind_sip", default="Tax office for individuals (SIP)"),
    "sie": _("kind_sie", default="Tax office for businesses (SIE)"),
    "cdif": _("kind_cdif", default="Land registry tax office (CDIF)"),
    "gendarmerie": _("kind_gendarmerie", default="Gendarmerie"),
    "commissariat_police": _("kind_commissariat_police", default="Police station"),
    "caf": _("kind_caf", default="Family allowance fund (CAF)"),
    "cpam": _("kind_cpam", default="Health insurance fund (CPAM)"),
    "msa": _("kind_msa", default="Farmers' social insurance (MSA)"),
    "carsat": _("kind_carsat", default="Pension and occupational health fund (Carsat)"),
    "urssaf": _("kind_urssaf", default="Urssaf"),
    "france_travail": _("kind_france_travail", default="France Travail"),
    "pole_emploi": _("kind_pole_emploi", default="France Travail (formerly Pôle emploi)"),
    "mission_locale": _("kind_mission_locale", default="Local youth employment centre"),
    "maison_handicapees": _("kind_mdph", default="Disability centre (MDPH)"),
    "ccas": _("kind_ccas", default="Social action centre (CCAS)"),
    "prefecture": _("kind_prefecture", default="Prefecture"),
    "sous_pref": _("kind_sous_pref", default="Sub-prefecture"),
    "tj": _("kind_tj", default="Judicial court"),
    "tribunal_proximite": _("kind_tribunal_proximite", default="Local court"),
    "ti": _("kind_ti", default="District court"),
    "ta": _("kind_ta", default="Administrative court"),
    "cph": _("kind_cph", default="Employment tribunal"),
    "mjd": _("kind_mjd", default="Justice and law centre"),
    "point_justice": _("kind_point_justice", default="Legal access point"),
    OTHER: _("kind_autre", default="Other public service"),
}

KIND_VOCABULARY = SimpleVocabulary([SimpleTerm(kind, kind, title) for kind, title in KINDS.items()])


def known(kind: str) -> str:
    """The kind of the vocabulary for an Annuaire ``type_service_local``."""
    return kind if kind in KINDS else OTHER
