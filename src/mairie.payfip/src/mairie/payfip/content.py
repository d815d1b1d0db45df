"""The payment form: one kind of bill the citizens pay online (cantine, eau...)."""

from .amounts import has_cents_only
from .amounts import MAX_CENTS
from .amounts import MIN_CENTS
from .references import DEFAULT
from .references import is_pattern
from .references import MAX_LENGTH
from .references import PRESETS
from .references import ReferenceFormat
from decimal import Decimal
from mairie.payfip import _
from plone import api
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobImage
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant
from zope.interface import provider
from zope.schema import ValidationError
from zope.schema.interfaces import IContextAwareDefaultFactory

import re


class NotAnObjet(ValidationError):
    __doc__ = _(
        "error_payfip_objet",
        default="PayFiP accepts only letters without accents, digits and spaces here, "
        "100 characters at most.",
    )


class NotInCents(ValidationError):
    __doc__ = _("error_payfip_cents", default="An amount has at most two decimals (cents).")


def is_objet(value: str) -> bool:
    if not re.fullmatch(r"[A-Za-z0-9 ]{1,100}", value or ""):
        raise NotAnObjet(value)
    return True


def in_cents(value: Decimal) -> bool:
    if not has_cents_only(value):
        raise NotInCents(value)
    return True


def _preset():
    protocol = api.portal.get_registry_record("mairie.payfip.protocol", default="PES")
    return PRESETS.get(protocol, DEFAULT)


@provider(IContextAwareDefaultFactory)
def default_pattern(context):
    return _preset().pattern


@provider(IContextAwareDefaultFactory)
def default_min_length(context):
    return _preset().min_length


@provider(IContextAwareDefaultFactory)
def default_max_length(context):
    return _preset().max_length


def _amount(title, description):
    return schema.Decimal(
        title=title,
        description=description,
        min=Decimal(MIN_CENTS) / 100,
        max=Decimal(MAX_CENTS) / 100,
        constraint=in_cents,
        required=False,
    )


class IPaymentForm(model.Schema):
    """Title and description come from the plone.basic behavior."""

    explanation = schema.Text(
        title=_("label_payfip_explanation", default="Where to find the reference and the amount"),
        description=_(
            "help_payfip_explanation",
            default="Shown above the form: where the bill shows its reference and its amount.",
        ),
    )
    example_image = NamedBlobImage(
        title=_("label_payfip_example_image", default="Example of a bill"),
        description=_(
            "help_payfip_example_image",
            default="A bill with its reference and amount circled; the explanation above "
            "says the same in words.",
        ),
        required=False,
    )
    objet = schema.TextLine(
        title=_("label_payfip_objet", default="Object sent to PayFiP"),
        description=_(
            "help_payfip_objet",
            default="Printed on the citizen's PayFiP receipt: letters without accents, digits "
            "and spaces, 100 characters at most (e.g. Cantine scolaire).",
        ),
        constraint=is_objet,
    )
    reference_pattern = schema.ASCIILine(
        title=_("label_payfip_reference_pattern", default="Reference pattern"),
        description=_(
            "help_payfip_reference_pattern",
            default="Regular expression of the bill reference, upper-case letters and digits "
            "(the preset of the commune's accounting protocol; ask the public accountant).",
        ),
        defaultFactory=default_pattern,
        constraint=is_pattern,
    )
    reference_min_length = schema.Int(
        title=_("label_payfip_reference_min_length", default="Reference: fewest characters"),
        defaultFactory=default_min_length,
        min=1,
        max=MAX_LENGTH,
    )
    reference_max_length = schema.Int(
        title=_("label_payfip_reference_max_length", default="Reference: most characters"),
        defaultFactory=default_max_length,
        min=1,
        max=MAX_LENGTH,
    )
    fixed_amount = _amount(
        _("label_payfip_fixed_amount", default="Fixed amount (euros)"),
        _(
            "help_payfip_fixed_amount",
            default="When every bill of this form has the same amount: the citizen does not type it.",
        ),
    )
    maximum_amount = _amount(
        _("label_payfip_maximum_amount", default="Maximum amount (euros)"),
        _("help_payfip_maximum_amount", default="Larger amounts are refused."),
    )

    @invariant
    def _lengths_in_order(data):
        if (data.reference_min_length or 0) > (data.reference_max_length or MAX_LENGTH):
            raise Invalid(
                _(
                    "error_payfip_lengths",
                    default="The fewest characters cannot exceed the most characters.",
                )
            )

    @invariant
    def _fixed_or_maximum(data):
        if data.fixed_amount is not None and data.maximum_amount is not None:
            raise Invalid(
                _(
                    "error_payfip_fixed_and_maximum",
                    default="Give a fixed amount or a maximum amount, not both.",
                )
            )


@implementer(IPaymentForm)
class PaymentForm(Item):
    def reference_format(self) -> ReferenceFormat:
        return ReferenceFormat(
            self.reference_pattern or DEFAULT.pattern,
            self.reference_min_length or DEFAULT.min_length,
            self.reference_max_length or DEFAULT.max_length,
        )
