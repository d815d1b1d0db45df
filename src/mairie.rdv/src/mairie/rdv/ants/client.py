"""The ANTS coordination API (anti-duplicate service for identity-document appointments).

``GET /status`` tells, per pre-application number, its status and the
appointments already declared for it; ``POST /appointments`` declares one,
``DELETE /appointments`` removes it (there is no update: delete then declare).
Parameters travel in the query string; the token in ``x-rdv-opt-auth-token``.
"""

from datetime import datetime
from mairie.policy.acts.dates import paris_time
from mairie.rdv import logger
from mairie.rdv.settings.schema import integration_settings

import requests


TIMEOUT = 4  # seconds, as the national platform's reference implementation


class AntsUnavailable(Exception):
    """The API is not configured, did not answer in time, or answered an error."""


class AntsClient:
    def __init__(self, base_url: str, token: str, timeout: float = TIMEOUT):
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = timeout

    def status(self, application_ids: list[str]) -> dict:
        """{id: {"status": "validated"|…, "appointments": [{meeting_point, appointment_date,
        management_url}, …]}, …} for each id asked."""
        answer = self._call("GET", "/status", {"application_ids": list(application_ids)})
        if not isinstance(answer, dict):
            raise AntsUnavailable(f"unexpected status answer: {answer!r}")
        return answer

    def declare(
        self,
        application_id: str,
        meeting_point: str,
        meeting_point_id: str,
        appointment_date: datetime,
        management_url: str,
    ) -> None:
        params = _appointment(application_id, meeting_point, meeting_point_id, appointment_date)
        params["management_url"] = management_url
        self._call("POST", "/appointments", params)

    def delete(
        self,
        application_id: str,
        meeting_point: str,
        meeting_point_id: str,
        appointment_date: datetime,
    ) -> None:
        params = _appointment(application_id, meeting_point, meeting_point_id, appointment_date)
        self._call("DELETE", "/appointments", params)

    def _call(self, method: str, path: str, params: dict):
        try:
            response = requests.request(
                method,
                self.base_url + path,
                params=params,
                headers={"Accept": "application/json", "x-rdv-opt-auth-token": self.token},
                timeout=self.timeout,
            )
            response.raise_for_status()
            return response.json() if response.content else None
        except (requests.RequestException, ValueError) as error:
            logger.warning("ANTS %s %s failed: %s", method, path, error)
            raise AntsUnavailable(str(error)) from error


def ants_client() -> AntsClient:
    """The client of the current site, from its settings; AntsUnavailable when unconfigured."""
    settings = integration_settings()
    if not settings.ants_url or not settings.ants_token:
        raise AntsUnavailable("ANTS API not configured")
    return AntsClient(settings.ants_url, settings.ants_token, TIMEOUT)


def _appointment(application_id, meeting_point, meeting_point_id, appointment_date) -> dict:
    return {
        "application_id": application_id,
        "meeting_point": meeting_point,
        "meeting_point_id": meeting_point_id,
        # The API expects the local (French) wall-clock time.
        "appointment_date": paris_time(appointment_date).strftime("%Y-%m-%d %H:%M:%S"),
    }
