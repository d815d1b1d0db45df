"""mairie.rdv as a module of mairie.policy (entry point ``mairie.modules``, name ``rdv``).

Read without Zope, by ``mairie check`` too: what needs Zope is imported by the commands.
"""

from mairie.policy.modules import Command
from mairie.policy.modules import Module
from mairie.rdv import _
from pydantic import field_validator
from pydantic import ValidationInfo
from pydantic_core import PydanticCustomError


def _located_for_appointments(cls, value, info: ValidationInfo):
    """The ANTS's search engine places a meeting point by the mairie's coordinates."""
    commune = info.data.get("commune")
    if commune and "rdv" in commune.modules and value.address.latitude is None:
        raise PydanticCustomError("coordinates_for_rdv", "coordinates_for_rdv", {})
    return value


def _reminders(app) -> str:
    from .reminders import rdv_sites
    from .reminders import run_reminders

    return run_reminders(rdv_sites(app)).summary()


def _recap(app) -> str:
    from .reminders import rdv_sites
    from .reminders import run_recaps

    return run_recaps(rdv_sites(app)).summary()


MODULE = Module(
    product="mairie.rdv",
    validators={"located": field_validator("mairie")(_located_for_appointments)},
    messages={
        "coordinates_for_rdv": _(
            "error_coordinates_for_rdv",
            default="with the rdv module, give the mairie's latitude and longitude "
            "(address.latitude, address.longitude): the ANTS's search engine leaves out a "
            "meeting point without them",
        ),
    },
    commands=(
        Command(
            "rdv-reminders",
            "rendez-vous, chaque jour : rappels de la veille (courriel, SMS), envois ANTS à refaire",
            _reminders,
        ),
        Command(
            "rdv-recap",
            "rendez-vous, chaque jour : liste du lendemain aux agents, rendez-vous échus supprimés",
            _recap,
        ),
    ),
    # The appointment books live in « Démarches » (provisioning.content.PROCEDURES).
    allowed_types={"demarches": ("mairie.Agenda",)},
)
