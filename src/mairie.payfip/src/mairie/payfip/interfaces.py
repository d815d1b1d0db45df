"""The browser layer and the commune's PayFiP settings (registry prefix ``mairie.payfip``)."""

from mairie.payfip import _
from zope import schema
from zope.interface import Interface
from zope.publisher.interfaces.browser import IDefaultBrowserLayer
from zope.schema import ValidationError
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

import re


# The DGFiP's public addresses (payfip.gouv.fr replaced tipi.budget.gouv.fr in 2021-2022).
SERVICE_URL = "https://www.payfip.gouv.fr/tpa/services/securite"
PAYMENT_PAGE_URL = "https://www.payfip.gouv.fr/tpa/paiementws.web"

TEST, ACTIVATION, PRODUCTION = "T", "X", "W"
PROTOCOLS = ("ORMC", "PES", "INDIGO", "ROLMRE")


class IMairiePayfipLayer(IDefaultBrowserLayer):
    """Marker interface of the mairie.payfip browser layer."""


class NotANumcli(ValidationError):
    __doc__ = _(
        "error_payfip_numcli",
        default="The PayFiP client number has 6 digits: the public accountant gives it.",
    )


def is_numcli(value: str) -> bool:
    if not re.fullmatch(r"\d{6}", value or ""):
        raise NotANumcli(value)
    return True


ENVIRONMENTS = SimpleVocabulary(
    [
        SimpleTerm(TEST, TEST, _("payfip_environment_test", default="Test (T)")),
        SimpleTerm(
            ACTIVATION, ACTIVATION, _("payfip_environment_activation", default="Activation (X)")
        ),
        SimpleTerm(
            PRODUCTION, PRODUCTION, _("payfip_environment_production", default="Production (W)")
        ),
    ]
)


class IPayfipSettings(Interface):
    numcli = schema.TextLine(
        title=_("label_payfip_numcli", default="PayFiP client number (numcli)"),
        description=_(
            "help_payfip_numcli",
            default="6 digits, given by the public accountant with the PayFiP agreement.",
        ),
        constraint=is_numcli,
        required=False,
    )
    environment = schema.Choice(
        title=_("label_payfip_environment", default="Environment"),
        description=_(
            "help_payfip_environment",
            default="Test while the site is being set up, activation for the accountant's "
            "check, production once PayFiP confirms it.",
        ),
        vocabulary=ENVIRONMENTS,
        default=TEST,
    )
    protocol = schema.Choice(
        title=_("label_payfip_protocol", default="Accounting protocol of the bills"),
        description=_(
            "help_payfip_protocol",
            default="It gives new payment forms their reference format.",
        ),
        values=PROTOCOLS,
        default="PES",
    )
    direct_debit = schema.Bool(
        title=_("label_payfip_direct_debit", default="Direct debit enabled"),
        description=_(
            "help_payfip_direct_debit",
            default="The PayFiP agreement includes the one-off direct debit (prélèvement unique).",
        ),
        default=False,
        required=False,
    )
    service_url = schema.URI(
        title=_("label_payfip_service_url", default="Address of the PayFiP web service"),
        default=SERVICE_URL,
    )
    payment_page_url = schema.URI(
        title=_("label_payfip_payment_page_url", default="Address of the PayFiP payment page"),
        default=PAYMENT_PAGE_URL,
    )
