"""HTTP tests of the booking: the site's mail goes to a real local SMTP server."""

from .http import SMTPServer

import pytest
import transaction


@pytest.fixture
def smtp():
    server = SMTPServer()
    yield server
    server.stop()


@pytest.fixture
def site(functional, http_agenda, smtp, tmp_path):
    """The functional site with the agenda, its mail delivered to ``smtp``."""
    portal = functional["portal"]
    smtp.receive_from(portal, tmp_path / "mailqueue")
    transaction.commit()
    return portal
