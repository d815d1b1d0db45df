"""A FileStorage deployment in a temporary folder, written as `make start` writes it."""

from deployment import write_zope_conf
from mairie.policy.cli.main import main
from mairie.upgradetesting.testing import UPGRADE_FUNCTIONAL_TESTING
from pytest_plone import fixtures_factory

import pytest


@pytest.fixture
def zope_conf(tmp_path):
    """The demo's zope.conf (FileStorage and blobs) for an instance in tmp_path."""
    return write_zope_conf(tmp_path)


@pytest.fixture
def run(monkeypatch, capsys, agency_file, zope_conf):
    """The mairie command, in this process, on that deployment."""
    monkeypatch.setenv("MAIRIE_AGENCY", str(agency_file))
    monkeypatch.setenv("MAIRIE_ZOPE_CONF", str(zope_conf))

    def run(*argv):
        status = main(list(argv))
        out, err = capsys.readouterr()
        return status, out, err

    return run


# Communes with the test-only add-on's upgrade steps (tests/mairie/upgradetesting).
globals().update(fixtures_factory(((UPGRADE_FUNCTIONAL_TESTING, "upgrade_functional"),)))
