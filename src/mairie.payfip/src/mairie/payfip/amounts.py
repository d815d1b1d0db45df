"""Amounts in euros as citizens type them, to PayFiP's cents, exactly (Decimal, never float)."""

from decimal import Decimal
from mairie.payfip import _

import re


# PayFiP's bounds per operation. The DGFiP guide we could read does not state
# them; these are the ones public PayFiP integrations apply (1,00 € to
# 99 999,99 €). A form may set a lower maximum.
MIN_CENTS = 100
MAX_CENTS = 9_999_999

_SPACES = re.compile(r"[\s\u00a0\u202f]")
_NUMBER = re.compile(r"(?P<sign>[-+]?)(?P<units>\d+)(?:[.,](?P<decimals>\d*))?")


class AmountError(ValueError):
    """The amount cannot be paid; ``message`` says why in French."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def to_cents(text: str, maximum: int | None = None) -> int:
    """ "12,50", "12.50", "12" or "1 250,00 €" as cents; AmountError when it is not payable."""
    cleaned = _SPACES.sub("", str(text or "")).removesuffix("€")
    match = _NUMBER.fullmatch(cleaned)
    if not cleaned:
        raise AmountError(_("payfip_amount_missing", default="Enter the amount of your bill."))
    if match is None:
        raise AmountError(
            _(
                "payfip_amount_not_a_number",
                default="Enter the amount in euros, with a comma before the cents, e.g. 12,50.",
            )
        )
    decimals = match.group("decimals") or ""
    if len(decimals) > 2:
        raise AmountError(
            _("payfip_amount_decimals", default="An amount has at most two decimals (cents).")
        )
    if match.group("sign") == "-":
        raise AmountError(_("payfip_amount_negative", default="The amount must be positive."))
    cents = int(Decimal(f"{match.group('units')}.{decimals or '0'}") * 100)
    if cents == 0:
        raise AmountError(_("payfip_amount_negative", default="The amount must be positive."))
    check_bounds(cents, maximum)
    return cents


def check_bounds(cents: int, maximum: int | None = None) -> None:
    if cents < MIN_CENTS:
        raise AmountError(
            _(
                "payfip_amount_too_small",
                default="PayFiP accepts amounts of ${minimum} or more.",
                mapping={"minimum": euros(MIN_CENTS)},
            )
        )
    limit = min(maximum, MAX_CENTS) if maximum else MAX_CENTS
    if cents > limit:
        raise AmountError(
            _(
                "payfip_amount_too_large",
                default="This form accepts amounts up to ${maximum}.",
                mapping={"maximum": euros(limit)},
            )
        )


def decimal_to_cents(value: Decimal | None) -> int | None:
    """A form's fixed or maximum amount (a Decimal in euros) as cents."""
    return None if value is None else int(value * 100)


def has_cents_only(value: Decimal) -> bool:
    return value == value.quantize(Decimal("0.01"))


def euros(cents: int) -> str:
    """French notation: 1250 -> "12,50 €", 123456 -> "1 234,56 €" (narrow no-break spaces)."""
    units, rest = divmod(cents, 100)
    grouped = f"{units:,}".replace(",", "\u202f")
    return f"{grouped},{rest:02d}\u00a0€"
