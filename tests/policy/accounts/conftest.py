"""A site with the commune's groups, accounts of each kind, mail to a real SMTP server."""

from .accounts import PASSWORD
from mairie.policy.accounts.groups import ensure_groups
from plone import api
from zope.component.hooks import setSite

import pytest
import transaction


@pytest.fixture
def site(functional, smtp, tmp_path):
    """The functional site: groups, an agent (Member) and the mayor (administrator)."""
    portal = functional["portal"]
    setSite(portal)
    smtp.receive_from(portal, tmp_path / "mailqueue")
    with api.env.adopt_roles(["Manager"]):
        ensure_groups(portal)
        for login, fullname, group in (
            ("agent", "Paul Agent", None),
            ("maire", "Marie Maire", "administrateurs-commune"),
        ):
            api.user.create(
                username=login,
                email=f"{login}@example.net",
                password=PASSWORD,
                properties={"fullname": fullname},
            )
            if group:
                api.group.add_user(groupname=group, username=login)
    transaction.commit()
    # Creating the accounts set their passwords: those mails are not the tests' business.
    del smtp.messages[:]
    return portal
