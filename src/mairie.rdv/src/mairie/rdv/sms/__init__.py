"""Text messages to citizens: ``gateway(site).send(phone, text)``."""

from .base import SmsError
from .base import SmsGateway
from .gateway import gateway


__all__ = ["SmsError", "SmsGateway", "gateway"]
