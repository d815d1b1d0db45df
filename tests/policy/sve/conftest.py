"""A commune's ready-made forms on the functional site, a real SMTP server, HTTP helpers."""

from .people import add_people
from mairie.policy.sve.provisioning import ensure_forms
from plone import api
from zope.component.hooks import setSite

import pytest
import transaction


@pytest.fixture
def site(functional, smtp, demo_profile, tmp_path):
    """The functional site with the three ready-made forms, mail to the test server."""
    portal = functional["portal"]
    setSite(portal)
    smtp.receive_from(portal, tmp_path / "mailqueue")
    portal.portal_workflow.setDefaultChain("simple_publication_workflow")
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(
            container=portal, type="Folder", id="demarches", title="Démarches"
        )
        api.content.transition(folder, "publish")
        ensure_forms(folder, demo_profile)
    transaction.commit()
    return portal


@pytest.fixture
def staffed_site(site):
    """The forms' site with the commune's agents and editors (people.py)."""
    add_people(site)
    return site
