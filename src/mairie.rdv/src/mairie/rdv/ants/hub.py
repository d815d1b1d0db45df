"""The three endpoints the national search engine (ANTS) calls on a commune's site.

``<site>/@@ants/getManagedMeetingPoints``, ``…/availableTimeSlots`` and
``…/searchApplicationIds``, authenticated by the ``X-HUB-RDV-AUTH-TOKEN``
header (the commune's hub token; 401 otherwise, and always while it is not
set). Lists come as repeated parameters (``meeting_point_ids=1&meeting_point_ids=2``),
as the ANTS sends them; a comma-separated value (``application_ids=A,B``) is split too.

Times are Paris wall-clock times written ``YYYY-MM-DDTHH:MMZ``: the ANTS reads that
format first and shows the hour as written (its parser takes the ``Z`` as a literal,
and it adds an explicit offset to the hour rather than removing it), as RDV Service
Public and the other editors send it. A time in UTC showed 07:30 for 08:30 in Paris.
"""

from .meeting_point import meeting_point
from datetime import date
from datetime import datetime
from datetime import timedelta
from mairie.policy.acts.dates import now as paris_now
from mairie.policy.acts.dates import PARIS
from mairie.rdv.agendas import agendas
from mairie.rdv.bookings import management_url
from mairie.rdv.bookings import store
from mairie.rdv.browser.common import moment_param
from mairie.rdv.settings.schema import integration_settings
from mairie.rdv.slots import free_slots
from Products.Five.browser import BrowserView
from urllib.parse import parse_qs
from urllib.parse import urlencode
from zExceptions import NotFound
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse

import hmac
import json


REASONS = ("CNI", "PASSPORT", "CNI-PASSPORT")
HEADER = "X-HUB-RDV-AUTH-TOKEN"
# How far searchApplicationIds looks for appointments to come.
HORIZON = timedelta(days=366)


class HubError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@implementer(IPublishTraverse)
class AntsHub(BrowserView):
    endpoint = ""

    def publishTraverse(self, request, name):
        if self.endpoint or name not in ENDPOINTS:
            raise NotFound(name)
        self.endpoint = name
        return self

    def __call__(self):
        response = self.request.response
        response.setHeader("Content-Type", "application/json; charset=utf-8")
        response.setHeader("Cache-Control", "no-store")
        try:
            if not self.endpoint:
                raise NotFound("")
            self._authenticate()
            body = ENDPOINTS[self.endpoint](self.context, self._params())
        except HubError as error:
            response.setStatus(error.status)
            body = {"error": {"code": error.status, "message": error.message}}
        return json.dumps(body)

    def _authenticate(self):
        expected = integration_settings(self.context).hub_token or ""
        given = self.request.getHeader(HEADER) or ""
        if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
            raise HubError(401, f"{HEADER} header invalid")

    def _params(self) -> dict[str, list[str]]:
        return parse_qs(self.request.get("QUERY_STRING", ""))


def managed_meeting_points(site, params) -> list[dict]:
    point = meeting_point(site)
    # The ANTS drops a point without coordinates; the settings page says why it is missing.
    if not agendas(site) or not point.located:
        return []
    return [_meeting_point_json(point)]


def available_time_slots(site, params) -> dict:
    reason = _one(params, "reason")
    if reason not in REASONS:
        raise HubError(400, "reason must be one of CNI, PASSPORT, CNI-PASSPORT")
    first, last = _date(params, "start_date"), _date(params, "end_date")
    if first > last:
        raise HubError(400, "start_date is after end_date")
    try:
        people = int(_one(params, "documents_number") or 1)
    except ValueError:
        raise HubError(400, "documents_number must be a number") from None
    if people < 1:
        raise HubError(400, "documents_number must be at least 1")
    point = meeting_point(site)
    answer = {}
    if point.located and point.id in _many(params, "meeting_point_ids"):
        answer[point.id] = _time_slots(site, reason, people, first, last)
    return answer


def search_application_ids(site, params) -> dict:
    wanted = [number.upper() for number in _many(params, "application_ids")]
    answer = {number: [] for number in wanted}
    if not wanted:
        return answer
    point = meeting_point(site)
    now = paris_now()
    for agenda in agendas(site):
        for booking in store(agenda).between(now, now + HORIZON):
            for number in set(booking.application_ids) & set(wanted):
                url = management_url(agenda, booking)
                answer[number].append(
                    {
                        "meeting_point": point.name,
                        "datetime": _paris(booking.start),
                        "management_url": url,
                        "cancel_url": url,
                    }
                )
    return answer


ENDPOINTS = {
    "getManagedMeetingPoints": managed_meeting_points,
    "availableTimeSlots": available_time_slots,
    "searchApplicationIds": search_application_ids,
}


def _time_slots(site, reason, people, first, last) -> list[dict]:
    slots = {}
    for agenda in agendas(site):
        for service in agenda.services():
            if service.ants_reason != reason or people > (service.max_people or 1):
                continue
            for slot in free_slots(agenda, service, people, first, last):
                # One entry per time: any counter free will do.
                slots.setdefault(slot.start, _callback(agenda, service, people, slot))
    return [
        {"datetime": _paris(start), "callback_url": url} for start, url in sorted(slots.items())
    ]


def _callback(agenda, service, people, slot) -> str:
    """The citizen's booking form with the slot chosen (any counter free then will do)."""
    query = urlencode(
        {"motif": service.getId(), "personnes": people, "debut": moment_param(slot.start)}
    )
    return f"{agenda.absolute_url()}/@@reserver?{query}"


def _meeting_point_json(point) -> dict:
    return {
        "id": point.id,
        "name": point.name,
        "longitude": point.longitude,
        "latitude": point.latitude,
        "public_entry_address": point.public_entry_address,
        "zip_code": point.zip_code,
        "city_name": point.city_name,
        "website": point.website,
    }


def _many(params, name) -> list[str]:
    """Every value of a list parameter, repeated or comma-separated, once each, in order."""
    values = (value.strip() for given in params.get(name, ()) for value in given.split(","))
    return list(dict.fromkeys(value for value in values if value))


def _one(params, name) -> str:
    values = params.get(name) or [""]
    return values[0]


def _date(params, name) -> date:
    try:
        return date.fromisoformat(_one(params, name))
    except ValueError:
        raise HubError(400, f"{name} must be a date, YYYY-MM-DD") from None


def _paris(moment: datetime) -> str:
    return moment.astimezone(PARIS).strftime("%Y-%m-%dT%H:%MZ")
