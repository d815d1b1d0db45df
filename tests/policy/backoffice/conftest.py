from .login import LOGIN_PATH
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID

import pytest
import transaction


@pytest.fixture
def secured_site(functional):
    """The layer's site guarded as a commune's: a secret login path and a manager to log in."""
    portal = functional["portal"]
    portal.portal_registry["mairie.commune.login_path"] = LOGIN_PATH
    setRoles(portal, TEST_USER_ID, ["Manager"])
    transaction.commit()
    return portal


@pytest.fixture
def settings(secured_site):
    """Change registry records of the commune, for the next HTTP requests."""

    def change(**records):
        for name, value in records.items():
            secured_site.portal_registry[name] = value
        transaction.commit()

    return change
