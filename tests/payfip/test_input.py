"""Amounts and references as citizens type them."""

from decimal import Decimal
from mairie.payfip.amounts import AmountError
from mairie.payfip.amounts import decimal_to_cents
from mairie.payfip.amounts import euros
from mairie.payfip.amounts import to_cents
from mairie.payfip.references import BadReference
from mairie.payfip.references import check_reference
from mairie.payfip.references import PRESETS
from mairie.payfip.references import ReferenceFormat

import pytest


@pytest.mark.parametrize(
    "text, cents",
    [
        ("12,50", 1250),
        ("12.50", 1250),
        ("12", 1200),
        ("12,5", 1250),
        (" 1 234,56 € ", 123456),
        ("1,00", 100),
        ("99999,99", 9_999_999),
        ("19.99", 1999),  # a float would give 1998
    ],
)
def test_amounts(text, cents):
    assert to_cents(text) == cents


@pytest.mark.parametrize(
    "text, msgid",
    [
        ("12,345", "payfip_amount_decimals"),
        ("-3", "payfip_amount_negative"),
        ("0", "payfip_amount_negative"),
        ("0,00", "payfip_amount_negative"),
        ("abc", "payfip_amount_not_a_number"),
        ("1e3", "payfip_amount_not_a_number"),
        ("", "payfip_amount_missing"),
        ("0,99", "payfip_amount_too_small"),
        ("100000", "payfip_amount_too_large"),
    ],
)
def test_bad_amounts(text, msgid):
    with pytest.raises(AmountError) as error:
        to_cents(text)
    assert error.value.message == msgid


def test_form_maximum():
    assert to_cents("150", maximum=15000) == 15000
    with pytest.raises(AmountError) as error:
        to_cents("150,01", maximum=15000)
    assert error.value.message.mapping["maximum"] == "150,00\u00a0€"


def test_euros_and_decimals():
    assert euros(1250) == "12,50\u00a0€"
    assert euros(123456789) == "1\u202f234\u202f567,89\u00a0€"
    assert decimal_to_cents(Decimal("12.5")) == 1250
    assert decimal_to_cents(None) is None


def test_references():
    lenient = PRESETS["PES"]
    assert check_reference(" cant-2026 000.123 ", lenient) == "CANT2026000123"
    strict = ReferenceFormat(r"\d{2}[A-Z]{2}\d+", 8, 12)
    assert check_reference("26ab1234", strict) == "26AB1234"
    for bad in ("26AB12", "26AB123456789", "AB261234", "26AB12é4", ""):
        with pytest.raises(BadReference):
            check_reference(bad, strict)
    with pytest.raises(BadReference):
        check_reference("A" * 31, lenient)  # PayFiP's 30 characters
