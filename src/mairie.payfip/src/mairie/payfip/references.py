"""The bill reference (PayFiP's ``refdet``) a payment form expects, and its check.

PayFiP takes 1 to 30 letters and digits; the exact shape depends on the
accounting protocol of the commune's bills and is given by its public
accountant. The presets below are starting points: each form keeps its own
pattern and lengths, which the commune adjusts.
"""

from dataclasses import dataclass
from mairie.payfip import _
from zope.schema import ValidationError

import re


MAX_LENGTH = 30  # PayFiP's limit for refdet


@dataclass(frozen=True)
class ReferenceFormat:
    pattern: str
    min_length: int
    max_length: int


# The DGFiP documents we could read do not give a shape per protocol: every
# preset is PayFiP's general rule, upper-case letters and digits.
PRESETS = {
    "ORMC": ReferenceFormat(r"[A-Z0-9]+", 1, MAX_LENGTH),
    "PES": ReferenceFormat(r"[A-Z0-9]+", 1, MAX_LENGTH),
    "INDIGO": ReferenceFormat(r"[A-Z0-9]+", 1, MAX_LENGTH),
    "ROLMRE": ReferenceFormat(r"[A-Z0-9]+", 1, MAX_LENGTH),
}
DEFAULT = PRESETS["PES"]

_SEPARATORS = re.compile(r"[\s\u00a0\u202f.\-/]")


class BadReference(ValueError):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


class NotAPattern(ValidationError):
    __doc__ = _(
        "error_payfip_pattern",
        default="This is not a valid pattern (regular expression) of letters and digits.",
    )


def is_pattern(value: str) -> bool:
    """A form's pattern must compile: an agent's typo would otherwise refuse every bill."""
    try:
        re.compile(value)
    except re.error:
        raise NotAPattern(value) from None
    return True


def normalize(text: str) -> str:
    """What citizens copy from a bill: spaces, dots, dashes and slashes out, upper case."""
    return _SEPARATORS.sub("", str(text or "")).upper()


def check_reference(text: str, reference_format: ReferenceFormat) -> str:
    """The normalized reference, or BadReference with a French explanation."""
    reference = normalize(text)
    if not reference:
        raise BadReference(
            _("payfip_reference_missing", default="Enter the reference written on your bill.")
        )
    low, high = reference_format.min_length, min(reference_format.max_length, MAX_LENGTH)
    if (
        not low <= len(reference) <= high
        or not re.fullmatch(r"[A-Z0-9]+", reference)
        or not re.fullmatch(reference_format.pattern, reference)
    ):
        raise BadReference(
            _(
                "payfip_reference_invalid",
                default="This reference does not have the expected shape: ${low} to ${high} "
                "letters and digits, as written on your bill (see where to find it above).",
                mapping={"low": low, "high": high},
            )
        )
    return reference
