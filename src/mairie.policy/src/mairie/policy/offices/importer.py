"""Import the public services that serve a commune into its "Services publics" folder.

One ``mairie.PublicOffice`` per Annuaire record, named after the record's id,
so a later import of a newer file updates the same page. The Annuaire is the
source of the contact details and hours, which each import refreshes; whether
a service is shown is the commune's choice: a new service is published, and an
import never publishes again a service an editor has unpublished.
"""

from .annuaire import AnnuaireError
from .annuaire import Service
from .kinds import KINDS
from .kinds import known
from .kinds import MAIRIE
from .kinds import OTHER
from dataclasses import dataclass
from mairie.policy import _
from mairie.policy.provisioning.content import normalize_id
from mairie.policy.provisioning.content import publish
from mairie.policy.provisioning.content import SERVICES
from plone import api


FIELDS = (
    "street",
    "postal_code",
    "city",
    "phone",
    "email",
    "website",
    "service_public_url",
    "latitude",
    "longitude",
    "opening_hours",
    "hours_note",
)


@dataclass
class Report:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def check_kinds(kinds) -> None:
    """Refuse a kind the vocabulary does not name, with the list of those it does."""
    unknown = [kind for kind in kinds if kind not in KINDS or kind == OTHER]
    if unknown:
        raise AnnuaireError(
            _(
                "error_services_unknown_kind",
                default="unknown kind of service: ${kinds} (known kinds: ${known})",
                mapping={
                    "kinds": ", ".join(unknown),
                    "known": ", ".join(kind for kind in KINDS if kind != OTHER),
                },
            )
        )


def serving(services: list[Service], insee: str, kinds=None) -> list[tuple[Service, str]]:
    """The services serving the commune, with their kind, limited to ``kinds`` if given.

    Without ``kinds``, the commune's own mairie is left out: its page comes from
    the commune profile.
    """
    chosen = []
    for service in services:
        kind = service.kind_for(insee)
        if kind is None:
            continue
        if (kind in kinds) if kinds else kind != MAIRIE:
            chosen.append((service, kind))
    return chosen


def import_for_commune(site, services: list[Service], kinds=None) -> Report:
    """Import the services serving the site's commune (INSEE code of its profile)."""
    insee = api.portal.get_registry_record("mairie.commune.insee_code")
    return import_services(site.unrestrictedTraverse(SERVICES), serving(services, insee, kinds))


def office_id(service: Service) -> str:
    return normalize_id(f"annuaire-{service.id}")


def import_services(folder, chosen: list[tuple[Service, str]]) -> Report:
    report = Report()
    for service, kind in chosen:
        name = office_id(service)
        values = {"kind": known(kind), **{key: getattr(service, key) for key in FIELDS}}
        office = folder.get(name)
        if office is None:
            office = api.content.create(
                container=folder, type="mairie.PublicOffice", id=name, title=service.name, **values
            )
            publish(office)
            report.created += 1
            continue
        values["title"] = service.name
        changed = {
            key: value for key, value in values.items() if getattr(office, key, None) != value
        }
        if not changed:
            report.unchanged += 1
            continue
        for key, value in changed.items():
            setattr(office, key, value)
        office.reindexObject()
        report.updated += 1
    return report
