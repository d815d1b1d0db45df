"""The fake PayFiP (fake.py) as a fixture, and a site with mairie.payfip and a payment form."""

from .fake import FakePayfip
from .fake import PAYMENT_PAGE
from decimal import Decimal
from plone import api
from plone.base.utils import get_installer
from zope.component.hooks import setSite

import pytest
import transaction


@pytest.fixture
def payfip(httpserver):
    return FakePayfip(httpserver)


@pytest.fixture
def site(functional, payfip, smtp, tmp_path):
    """The functional site with mairie.payfip, set for the fake PayFiP, and one payment form."""
    portal = functional["portal"]
    setSite(portal)
    smtp.receive_from(portal, tmp_path / "mailqueue")
    portal.portal_workflow.setDefaultChain("simple_publication_workflow")
    with api.env.adopt_roles(["Manager"]):
        get_installer(portal).install_product("mairie.payfip")
        api.portal.set_registry_record("mairie.payfip.numcli", "123456")
        api.portal.set_registry_record("mairie.payfip.service_url", payfip.url)
        api.portal.set_registry_record("mairie.payfip.payment_page_url", PAYMENT_PAGE)
        form = api.content.create(
            container=portal,
            type="mairie.PaymentForm",
            id="cantine",
            title="Cantine scolaire",
            explanation="La référence est en haut à droite de la facture.",
            objet="Cantine scolaire",
            reference_pattern="[A-Z0-9]+",
            reference_min_length=6,
            reference_max_length=20,
            maximum_amount=Decimal("150.00"),
        )
        api.content.transition(form, "publish")
    transaction.commit()
    return portal


@pytest.fixture
def form(site):
    return site["cantine"]
