"""Shared by the rdv tests: mairie.rdv installed, and an agenda built to order.

The agenda (« rendez-vous ») has a service « cni » (20 min per person, up to
3 people, ANTS), « etat-civil » (15 min), and one counter « guichet-1 » open
Monday to Friday 09:00-12:00, 14:00-17:00 for both. Tests change what they need.
"""

from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.base.utils import get_installer

import pytest
import transaction


def install(portal):
    installer = get_installer(portal)
    if not installer.is_product_installed("mairie.rdv"):
        installer.install_product("mairie.rdv")


def build_agenda(portal, **settings):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    install(portal)
    agenda = api.content.create(
        container=portal,
        type="mairie.Agenda",
        id="rendez-vous",
        title="Prendre rendez-vous",
        **settings,
    )
    api.content.create(
        container=agenda,
        type="mairie.RdvService",
        id="cni",
        title="Carte d'identité",
        duration=20,
        per_person=True,
        max_people=3,
        ants_reason="CNI",
    )
    api.content.create(
        container=agenda,
        type="mairie.RdvService",
        id="etat-civil",
        title="État civil",
        duration=15,
        max_people=2,
    )
    add_counter(agenda, "guichet-1")
    api.content.transition(agenda, "publish")
    return agenda


WEEK = [
    {"day": day, "opens": opens, "closes": closes}
    for day in ("lundi", "mardi", "mercredi", "jeudi", "vendredi")
    for opens, closes in (("09:00", "12:00"), ("14:00", "17:00"))
]


def add_counter(agenda, id, services=("cni", "etat-civil")):
    return api.content.create(
        container=agenda,
        type="mairie.Counter",
        id=id,
        title=id,
        services=list(services),
        opening_hours=list(WEEK),
    )


@pytest.fixture
def agenda(integration):
    return build_agenda(integration["portal"])


@pytest.fixture
def http_agenda(functional):
    """The agenda on the functional layer's site, committed, for HTTP tests."""
    agenda = build_agenda(functional["portal"])
    transaction.commit()
    return agenda
