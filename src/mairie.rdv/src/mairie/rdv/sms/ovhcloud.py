"""OVHcloud's SMS API through its official client (package ``ovh``).

``POST /sms/{serviceName}/jobs`` with the message and its receivers; the
client signs each call with the time it first asks ``/auth/time``.
"""

from .base import SmsError
from .base import SmsGateway
from mairie.policy.phone import normalize_phone
from mairie.rdv import logger

import ovh


TIMEOUT = 10  # seconds, connection and read


class OvhGateway(SmsGateway):
    def __init__(
        self,
        endpoint: str,
        application_key: str,
        application_secret: str,
        consumer_key: str,
        service_name: str,
        sender: str = "",
    ):
        self.endpoint = endpoint
        self.application_key = application_key
        self.application_secret = application_secret
        self.consumer_key = consumer_key
        self.service_name = service_name
        self.sender = sender

    @classmethod
    def from_settings(cls, settings):
        return cls(
            settings.ovh_endpoint or "ovh-eu",
            settings.ovh_application_key,
            settings.ovh_application_secret,
            settings.ovh_consumer_key,
            settings.ovh_service_name,
            settings.ovh_sender,
        )

    def send(self, phone: str, text: str) -> None:
        number = normalize_phone(phone)
        job = {
            "message": text,
            "receivers": [number],
            "charset": "UTF-8",
            "priority": "high",
            # A service message, not marketing: no « STOP » clause.
            "noStopClause": True,
        }
        if self.sender:
            job["sender"] = self.sender
        else:
            job["senderForResponse"] = True
        try:
            client = ovh.Client(
                endpoint=self.endpoint,
                application_key=self.application_key,
                application_secret=self.application_secret,
                consumer_key=self.consumer_key,
                timeout=TIMEOUT,
            )
            answer = client.post(f"/sms/{self.service_name}/jobs", **job)
        except ovh.exceptions.APIError as error:
            logger.warning("OVHcloud SMS to %s failed: %s", number, error)
            raise SmsError(str(error)) from error
        if number in (answer or {}).get("invalidReceivers", ()):
            raise SmsError(f"OVHcloud refused the receiver {number}")
