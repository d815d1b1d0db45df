"""Read a file of the national "Annuaire de l'administration" (DILA, Licence Ouverte).

The file is what the Annuaire's API exports (api-lannuaire-administration):
a JSON list of records, or an API answer holding them under ``results``
(or ``service``, as in the data.gouv.fr dump). In a record, ``pivot``,
``adresse``, ``telephone``, ``site_internet`` and ``plage_ouverture`` are JSON
strings (lists already decoded are accepted too).

Everything is checked before anything is written: ``read`` returns every
service of the file, or raises ``AnnuaireError`` naming the first bad record.
"""

from dataclasses import dataclass
from dataclasses import field
from mairie.policy import _
from mairie.policy.hours import validation
from mairie.policy.hours.schedule import WEEKDAYS
from pathlib import Path
from zope.interface import Invalid

import json


REQUIRED = ("id", "nom", "pivot")
ENVELOPES = ("results", "service")


class AnnuaireError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass
class Service:
    id: str
    name: str
    pivot: list  # [(type_service_local, [INSEE codes served])]
    street: str = ""
    postal_code: str = ""
    city: str = ""
    latitude: float | None = None
    longitude: float | None = None
    phone: str = ""
    email: str = ""
    website: str = ""
    service_public_url: str = ""
    opening_hours: list = field(default_factory=list)
    hours_note: str = ""

    def kind_for(self, insee: str) -> str | None:
        """The ``type_service_local`` under which this service serves the commune, or None."""
        for kind, communes in self.pivot:
            if insee in communes:
                return kind
        return None


def read(path: str | Path) -> list[Service]:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AnnuaireError(
            _(
                "error_annuaire_missing",
                default="${file}: file not found",
                mapping={"file": str(path)},
            )
        ) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise AnnuaireError(
            _(
                "error_annuaire_not_json",
                default="${file}: this is not a JSON file (${detail})",
                mapping={"file": str(path), "detail": str(error)},
            )
        ) from None
    if isinstance(data, dict):
        data = next((data[key] for key in ENVELOPES if key in data), None)
    if not isinstance(data, list) or not all(isinstance(record, dict) for record in data):
        raise AnnuaireError(
            _(
                "error_annuaire_shape",
                default="${file}: expected a list of records of the Annuaire de l'administration",
                mapping={"file": str(path)},
            )
        )
    services = []
    for number, record in enumerate(data, start=1):
        try:
            services.append(_service(record))
        except _Problem as problem:
            raise AnnuaireError(
                _(
                    "error_annuaire_record",
                    default="${file}: record ${number} (${name}): ${problem}",
                    mapping={
                        "file": str(path),
                        "number": number,
                        "name": str(record.get("nom") or record.get("id") or "?"),
                        "problem": problem.message,
                    },
                )
            ) from None
    return services


class _Problem(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _service(record: dict) -> Service:
    missing = [key for key in REQUIRED if not record.get(key)]
    if missing:
        raise _Problem(
            _(
                "error_annuaire_missing_keys",
                default="missing ${keys}",
                mapping={"keys": ", ".join(missing)},
            )
        )
    pivot = [
        (_text(entry, "type_service_local", "pivot"), _communes(entry))
        for entry in _list(record, "pivot")
    ]
    address = _address(_list(record, "adresse"))
    phones = _list(record, "telephone")
    websites = _list(record, "site_internet")
    service = Service(
        id=str(record["id"]),
        name=str(record["nom"]).strip(),
        pivot=pivot,
        phone=_text(phones[0], "valeur", "telephone") if phones else "",
        email=_first_email(record.get("adresse_courriel")),
        website=_text(websites[0], "valeur", "site_internet") if websites else "",
        service_public_url=str(record.get("url_service_public") or "").strip(),
        **address,
    )
    service.opening_hours, service.hours_note = _hours(_list(record, "plage_ouverture"))
    return service


def _list(record: dict, key: str) -> list:
    """A list field of the record, decoded from its JSON string; [] when absent."""
    value = record.get(key)
    if value in (None, ""):
        return []
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
            raise _Problem(
                _(
                    "error_annuaire_bad_json",
                    default="the field “${key}” is not valid JSON",
                    mapping={"key": key},
                )
            ) from None
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise _Problem(
            _(
                "error_annuaire_bad_list",
                default="the field “${key}” is not a list of objects",
                mapping={"key": key},
            )
        )
    return value


def _text(item: dict, key: str, where: str) -> str:
    value = item.get(key)
    if value is None:
        return ""
    if not isinstance(value, str | int | float):
        raise _Problem(
            _(
                "error_annuaire_bad_value",
                default="“${key}” in “${where}” is not a text",
                mapping={"key": key, "where": where},
            )
        )
    return str(value).strip()


def _communes(entry: dict) -> list[str]:
    communes = entry.get("code_insee_commune") or []
    if isinstance(communes, str):
        communes = [communes]
    if not isinstance(communes, list):
        raise _Problem(
            _(
                "error_annuaire_bad_value",
                default="“${key}” in “${where}” is not a text",
                mapping={"key": "code_insee_commune", "where": "pivot"},
            )
        )
    return [str(code).strip() for code in communes]


def _address(addresses: list) -> dict:
    """The street address (type "Adresse"), else the first one."""
    if not addresses:
        return {}
    address = next(
        (item for item in addresses if item.get("type_adresse") == "Adresse"), addresses[0]
    )
    lines = [
        _text(address, key, "adresse")
        for key in ("complement", "complement1", "complement2", "numero_voie")
    ]
    return {
        "street": ", ".join(line for line in lines if line),
        "postal_code": _text(address, "code_postal", "adresse"),
        "city": _text(address, "nom_commune", "adresse"),
        "latitude": _coordinate(address, "latitude", 90),
        "longitude": _coordinate(address, "longitude", 180),
    }


def _coordinate(address: dict, key: str, bound: float) -> float | None:
    value = _text(address, key, "adresse")
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        number = None
    if number is None or not -bound <= number <= bound:
        raise _Problem(
            _(
                "error_annuaire_bad_coordinate",
                default="the ${key} “${value}” is not a coordinate",
                mapping={"key": key, "value": value},
            )
        )
    return number


def _first_email(value) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return str(value or "").split(";")[0].strip()


def _hours(ranges: list) -> tuple[list[dict], str]:
    """Weekly rows of the ``mairie.opening_hours`` behavior, and the comments."""
    rows, notes = [], []
    for item in ranges:
        first = _day(item, "nom_jour_debut")
        last = _day(item, "nom_jour_fin") if item.get("nom_jour_fin") else first
        days = WEEKDAYS[WEEKDAYS.index(first) : WEEKDAYS.index(last) + 1]
        for suffix in ("1", "2"):
            opens = _time(item, f"valeur_heure_debut_{suffix}")
            closes = _time(item, f"valeur_heure_fin_{suffix}")
            if opens and closes:
                rows.extend({"day": day, "opens": opens, "closes": closes} for day in days)
        comment = _text(item, "commentaire", "plage_ouverture")
        if comment:
            notes.append(comment)
    rows.sort(key=lambda row: (WEEKDAYS.index(row["day"]), row["opens"]))
    try:
        validation.check_weekly(rows)
    except Invalid as error:
        raise _Problem(error.args[0]) from None
    return rows, "\n".join(notes)


def _day(item: dict, key: str) -> str:
    value = _text(item, key, "plage_ouverture")
    if value.lower() not in WEEKDAYS:
        raise _Problem(
            _(
                "error_annuaire_bad_day",
                default="“${value}” is not a day of the week",
                mapping={"value": value},
            )
        )
    return value.lower()


def _time(item: dict, key: str) -> str:
    value = _text(item, key, "plage_ouverture")
    if not value:
        return ""
    hhmm = value[:5] if len(value) == 8 and value[5] == ":" else value
    try:
        validation.check_time(hhmm)
    except Invalid as error:
        raise _Problem(error.args[0]) from None
    return hhmm
