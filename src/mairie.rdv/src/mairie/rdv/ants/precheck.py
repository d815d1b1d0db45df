"""Check ANTS pre-application numbers before an identity-document booking.

The format first (10 characters, A-Z and 0-9, no number twice), without any
network call; then ONE status call for all the numbers. Only a ``validated``
number without an appointment elsewhere may book; anything else, or an API
that does not answer, gives a French problem and blocks the booking.
"""

from datetime import datetime
from mairie.rdv import _
from mairie.rdv.ants.client import ants_client
from mairie.rdv.ants.client import AntsUnavailable
from mairie.rdv.wording import french_when
from typing import NamedTuple
from zope.i18nmessageid import Message

import re


FORMAT = re.compile(r"[A-Z0-9]{10}")

REFUSED = {
    "consumed": _(
        "ants_consumed",
        default="The pre-application ${number} has already been used for an application.",
    ),
    "declared": _(
        "ants_declared",
        default="The pre-application ${number} already has an appointment.",
    ),
    "expired": _(
        "ants_expired",
        default="The pre-application ${number} has expired: please make a new one on ants.gouv.fr.",
    ),
    "unknown": _(
        "ants_unknown",
        default="The pre-application ${number} is unknown to the ANTS: please check it.",
    ),
}


class Existing(NamedTuple):
    application_id: str
    meeting_point: str
    when: str
    management_url: str


class Check(NamedTuple):
    problems: list[Message]
    existing: list[Existing]


def normalize(application_id: str) -> str:
    """The number as the ANTS knows it: uppercase, without spaces."""
    return "".join(application_id.split()).upper()


def check_applications(agenda, application_ids: list[str]) -> Check:
    """Whether these pre-application numbers may book (``problems`` empty), and the
    appointments they already have elsewhere, to show with their links."""
    numbers = [normalize(number) for number in application_ids]
    problems = _format_problems(numbers)
    if problems:
        return Check(problems, [])
    try:
        statuses = ants_client().status(numbers)
    except AntsUnavailable:
        return Check([_unavailable()], [])
    existing = []
    for number in numbers:
        answer = statuses.get(number)
        if not isinstance(answer, dict):
            answer = {"status": "unknown"}
        appointments = [_existing(number, item) for item in answer.get("appointments") or ()]
        existing.extend(appointments)
        status = answer.get("status")
        if status == "validated" and not appointments:
            continue
        if status == "validated":
            status = "declared"
        problems.append(_number_message(REFUSED.get(status, REFUSED["unknown"]), number))
    return Check(problems, existing)


def _format_problems(numbers: list[str]) -> list[Message]:
    if not numbers:
        return [
            _("ants_missing", default="Please give the ANTS pre-application number of each person.")
        ]
    return list(format_problems(numbers).values())


def format_problems(numbers: list[str]) -> dict[int, Message]:
    """What is wrong with the form of each number, by its position; no call made."""
    problems = {}
    for position, number in enumerate(numbers):
        if not number:
            problems[position] = _("ants_empty", default="Give the pre-application number.")
        elif not FORMAT.fullmatch(number):
            problems[position] = _number_message(
                _(
                    "ants_bad_format",
                    default="« ${number} » is not a pre-application number: it has "
                    "10 characters, letters and digits.",
                ),
                number,
            )
        elif number in numbers[:position]:
            problems[position] = _number_message(
                _(
                    "ants_duplicate",
                    default="The pre-application ${number} is given twice: each person "
                    "has their own.",
                ),
                number,
            )
    return problems


def _number_message(message: Message, number: str) -> Message:
    return Message(message, mapping={"number": number})


def _unavailable() -> Message:
    return _(
        "ants_unavailable",
        default="The national service that checks pre-application numbers cannot be reached: "
        "no appointment can be booked for an identity document right now. Please try again "
        "later or call the mairie.",
    )


def _existing(number: str, appointment: dict) -> Existing:
    return Existing(
        application_id=number,
        meeting_point=str(appointment.get("meeting_point") or ""),
        when=_when(str(appointment.get("appointment_date") or "")),
        management_url=str(appointment.get("management_url") or ""),
    )


def _when(value: str) -> str:
    """The ANTS date in words ("mardi 2 mars 2027 à 9 h 30"), or as given if unreadable."""
    try:
        moment = datetime.fromisoformat(value.replace(" ", "T"))
    except ValueError:
        return value
    return french_when(moment)
