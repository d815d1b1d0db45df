"""Which numbers can receive a text message (numbers are read by mairie.policy.phone)."""

import re


# Metropolitan mobiles (06, 07); overseas numbers are written with their own code.
MOBILE = re.compile(r"\+33[67]\d{8}|\+(?!33)[1-9]\d{7,14}")


def is_mobile(number: str) -> bool:
    """Whether a normalised number can receive a text message."""
    return MOBILE.fullmatch(number) is not None
