"""Phone numbers as SMS providers want them: international (E.164), French by default."""

from mairie.rdv import _
from zope.i18nmessageid import Message

import re


SEPARATORS = re.compile(r"[\s.\-/()]")
NATIONAL = re.compile(r"0[1-9]\d{8}")
INTERNATIONAL = re.compile(r"\+[1-9]\d{7,14}")
# Metropolitan mobiles (06, 07); overseas numbers are written with their own code.
MOBILE = re.compile(r"\+33[67]\d{8}|\+(?!33)[1-9]\d{7,14}")


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


def is_mobile(number: str) -> bool:
    """Whether a normalised number can receive a text message."""
    return MOBILE.fullmatch(number) is not None
