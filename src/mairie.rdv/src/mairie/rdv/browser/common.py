"""What the citizens' and the agents' pages share: reading the query, committing a booking."""

from datetime import date
from datetime import datetime
from mairie.policy.acts.dates import full_date
from mairie.policy.acts.dates import PARIS
from mairie.policy.hours.schedule import french_time
from mairie.policy.querystring import bounded_int
from mairie.rdv.bookings import SlotTaken
from mairie.rdv.wording import french_when
from plone import api
from ZODB.POSException import ConflictError

import transaction


ATTEMPTS = 5
MANAGE = "mairie.rdv: Manage bookings"


def is_agent(context) -> bool:
    return not api.user.is_anonymous() and api.user.has_permission(MANAGE, obj=context)


def agent_id(context) -> str:
    """The agent's user id when an agent is booking (on someone's behalf), else ""."""
    return api.user.get_current().getId() if is_agent(context) else ""


def service_of(agenda, form):
    """The service named in the query (``motif``), or None."""
    service = agenda.get(str(form.get("motif", ""))[:100]) if form.get("motif") else None
    return service if getattr(service, "portal_type", "") == "mairie.RdvService" else None


def people_of(form) -> int:
    return bounded_int(form.get("personnes"), default=0, low=0, high=100)


def moment_of(value) -> datetime | None:
    """« 2027-03-02T09:30 » (Paris time) → aware datetime, or None."""
    try:
        moment = datetime.fromisoformat(str(value or ""))
    except ValueError:
        return None
    return PARIS.localize(moment) if moment.tzinfo is None else moment.astimezone(PARIS)


def day_of(value) -> date | None:
    try:
        return date.fromisoformat(str(value or ""))
    except ValueError:
        return None


def moment_param(moment: datetime) -> str:
    return moment.astimezone(PARIS).strftime("%Y-%m-%dT%H:%M")


def when(moment: datetime) -> str:
    """« Mardi 2 mars 2027 à 9 h 30 »."""
    text = french_when(moment)
    return text[:1].upper() + text[1:]


def day_title(day: date) -> str:
    """« Mardi 2 mars 2027 »."""
    text = full_date(day, target_language="fr")
    return text[:1].upper() + text[1:]


def hour(moment: datetime) -> str:
    return french_time(moment.astimezone(PARIS).time())


def committed(action):
    """Run ``action`` and commit, again after a conflict (it then sees the others' bookings).

    Zope would retry the whole request, but only a few times; here a request
    that keeps losing ends with the clear « just booked » message, never an
    error page. Nothing is left half-written: each failed try is aborted.
    """
    for _attempt in range(ATTEMPTS):
        try:
            result = action()
            transaction.commit()
            return result
        except ConflictError:
            transaction.abort()
        except Exception:
            transaction.abort()
            raise
    raise SlotTaken()
