"""Phone numbers written as French people write them, in their international form (E.164).

One reading for the whole product: the mairie's structured data, the appointments'
contact number, the SMS gateways.
"""

from mairie.policy import _
from zope.i18nmessageid import Message

import re


SEPARATORS = re.compile(r"[\s.\-/()]")
NATIONAL = re.compile(r"0[1-9]\d{8}")
INTERNATIONAL = re.compile(r"\+[1-9]\d{7,14}")


class PhoneError(ValueError):
    def __init__(self, message: Message):
        super().__init__(message)
        self.message = message


def normalize_phone(value: str) -> str:
    """ "06 12 34 56 78", "+33 6…", "0033 6…" → "+33612345678"; PhoneError otherwise."""
    number = SEPARATORS.sub("", value or "")
    if number.startswith("00"):
        number = "+" + number[2:]
    if NATIONAL.fullmatch(number):
        number = "+33" + number[1:]
    if number.startswith("+330"):
        number = "+33" + number[4:]
    if not INTERNATIONAL.fullmatch(number) or (number.startswith("+33") and len(number) != 12):
        raise PhoneError(
            _(
                "phone_invalid",
                default="« ${phone} » is not a phone number: write it like 06 12 34 56 78.",
                mapping={"phone": value},
            )
        )
    return number
