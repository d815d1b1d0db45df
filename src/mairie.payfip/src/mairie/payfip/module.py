"""mairie.payfip as a module of mairie.policy (entry point ``mairie.modules``, name ``payfip``).

Read without Zope, by ``mairie check`` too: what needs Zope is imported by the command.
"""

from mairie.payfip import _
from mairie.policy.commune.schema import Model
from mairie.policy.commune.types import matching
from mairie.policy.commune.types import Url
from mairie.policy.modules import Command
from mairie.policy.modules import Module
from typing import Annotated
from typing import Literal


# A PayFiP client number (numcli), given by the public accountant.
Numcli = Annotated[str, matching("numcli", r"\d{6}")]


class Payfip(Model):
    """The commune's PayFiP agreement: the profile's ``payfip:`` section."""

    numcli: Numcli
    environment: Literal["T", "X", "W"] = "T"  # test, activation, production
    protocol: Literal["ORMC", "PES", "INDIGO", "ROLMRE"] = "PES"
    direct_debit: bool = False
    # PayFiP's addresses, for a test server; the DGFiP's by default.
    service_url: Url | None = None
    payment_page_url: Url | None = None


def _expire(app) -> str:
    from .expiry import run
    from mairie.policy.french import fr
    from mairie.policy.provisioning.site import communes

    expired, recorded, waiting = run(
        site for site, settings in communes(app) if "payfip" in (settings.modules or ())
    )
    return fr(
        _(
            "done_payfip_expire",
            default="PayFiP payments expired: ${expired}; results recorded: ${recorded}; "
            "mails waiting for the mail server: ${waiting}",
            mapping={"expired": expired, "recorded": recorded, "waiting": waiting},
        )
    )


MODULE = Module(
    product="mairie.payfip",
    sections={"payfip": Payfip},
    messages={
        "numcli": _(
            "error_numcli",
            default='a PayFiP client number of 6 digits is expected, in quotes (e.g. "012345"), '
            "got “${value}”",
        ),
    },
    commands=(
        Command(
            "payfip-expire",
            "paiements PayFiP : marquer expirés ceux restés sans résultat (toutes les heures)",
            _expire,
        ),
    ),
    # The payment forms live in « Démarches » (provisioning.content.PROCEDURES).
    allowed_types={"demarches": ("mairie.PaymentForm",)},
)
