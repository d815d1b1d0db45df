from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID

import pytest
import transaction


LOGIN_PATH = "espace-agents-test"


@pytest.fixture
def commune(functional):
    """The layer's site as a commune: a secret login path and a manager to log in."""
    portal = functional["portal"]
    portal.portal_registry["mairie.commune.login_path"] = LOGIN_PATH
    setRoles(portal, TEST_USER_ID, ["Manager"])
    transaction.commit()
    return portal


@pytest.fixture
def settings(commune):
    """Change registry records of the commune, for the next HTTP requests."""

    def change(**records):
        for name, value in records.items():
            commune.portal_registry[name] = value
        transaction.commit()

    return change
