"""A commune with the rdv module gets a ready agenda under « Démarches », once.

Created only when missing: what the town hall changes afterwards (hours,
services, even deleting a counter) is left alone by later updates.
"""

from mairie.policy.french import fr
from mairie.policy.offices.provisioning import weekly_rows
from mairie.policy.provisioning.content import PROCEDURES
from mairie.policy.provisioning.content import publish
from mairie.rdv import _
from plone import api


AGENDA_ID = "rendez-vous"

IDENTITY_COUNTER = ("cni", "passeport", "cni-passeport")

# (id, title, what to bring, minutes, per person, most people, ANTS reason)
SERVICES = (
    (
        "cni",
        _("rdv_service_cni", default="National identity card"),
        _(
            "rdv_service_cni_help",
            default="Bring your pre-application number, an ID photo under six months old, "
            "a proof of address and your former card.",
        ),
        20,
        True,
        4,
        "CNI",
    ),
    (
        "passeport",
        _("rdv_service_passport", default="Passport"),
        _(
            "rdv_service_passport_help",
            default="Bring your pre-application number, an ID photo under six months old, "
            "a proof of address, the tax stamp and your former passport.",
        ),
        20,
        True,
        4,
        "PASSPORT",
    ),
    (
        "cni-passeport",
        _("rdv_service_both", default="Identity card and passport"),
        _(
            "rdv_service_both_help",
            default="Both documents for each person, in one appointment.",
        ),
        30,
        True,
        4,
        "CNI-PASSPORT",
    ),
    (
        "etat-civil",
        _("rdv_service_civil", default="Civil registry"),
        _(
            "rdv_service_civil_help",
            default="Birth, marriage or death registration, marriage or PACS file, "
            "recognition of a child.",
        ),
        15,
        False,
        2,
        "",
    ),
    (
        "urbanisme",
        _("rdv_service_planning", default="Urban planning"),
        _(
            "rdv_service_planning_help",
            default="Advice before a building permit or a prior declaration.",
        ),
        30,
        False,
        2,
        "",
    ),
)

# (id, title, services, weekly hours as in a commune profile)
COUNTERS = (
    (
        "guichet-titres",
        _("rdv_counter_identity", default="Identity documents counter"),
        IDENTITY_COUNTER,
        {
            "lundi": ["08:30-12:00", "13:30-17:00"],
            "mardi": ["08:30-12:00", "13:30-17:00"],
            "mercredi": ["08:30-12:00"],
            "jeudi": ["08:30-12:00", "13:30-18:30"],
            "vendredi": ["08:30-12:00", "13:30-16:30"],
            "samedi": ["09:00-12:00"],
        },
    ),
    (
        "accueil",
        _("rdv_counter_reception", default="Reception desk"),
        tuple(service[0] for service in SERVICES),
        {
            "lundi": ["09:00-12:00", "14:00-17:00"],
            "mardi": ["09:00-12:00"],
            "mercredi": ["09:00-12:00", "14:00-17:00"],
            "jeudi": ["09:00-12:00"],
            "vendredi": ["09:00-12:00", "14:00-16:00"],
        },
    ),
)


def ensure_agenda(event) -> None:
    """Subscriber of ICommuneProvisioned: the agenda, when the module is on and it is missing."""
    if "rdv" not in event.profile.commune.modules:
        return
    procedures = event.site.unrestrictedTraverse(PROCEDURES, None)
    if procedures is None or AGENDA_ID in procedures.objectIds():
        return
    create_agenda(procedures, event.profile.emails.contact)


def create_agenda(container, email: str = ""):
    agenda = api.content.create(
        container=container,
        type="mairie.Agenda",
        id=AGENDA_ID,
        title=fr(_("rdv_agenda_title", default="Book an appointment")),
        description=fr(
            _(
                "rdv_agenda_description",
                default="Identity card, passport, civil registry, urban planning: choose "
                "a time to come to the town hall.",
            )
        ),
        notification_email=email,
    )
    for id, title, help, minutes, per_person, most, reason in SERVICES:
        api.content.create(
            container=agenda,
            type="mairie.RdvService",
            id=id,
            title=fr(title),
            description=fr(help),
            duration=minutes,
            per_person=per_person,
            max_people=most,
            ants_reason=reason,
        )
    for id, title, services, hours in COUNTERS:
        api.content.create(
            container=agenda,
            type="mairie.Counter",
            id=id,
            title=fr(title),
            services=list(services),
            opening_hours=weekly_rows(hours),
        )
    publish(agenda)
    return agenda
