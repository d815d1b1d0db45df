"""usage.site_usage on a real Plone site and ZODB (the functional layer commits)."""

from mairie.policy.cli.french import french
from mairie.policy.commune.schema import Plan
from mairie.policy.operations import usage
from OFS.SimpleItem import SimpleItem
from plone import api
from plone.namedfile.file import NamedBlobFile
from types import SimpleNamespace
from ZODB.blob import Blob

import os
import pytest
import transaction


MB = 1024**2


@pytest.fixture
def portal(functional):
    return functional["portal"]


def add_file(container, name, size):
    with api.env.adopt_roles(["Manager"]):
        api.content.create(
            container=container,
            type="File",
            id=name,
            file=NamedBlobFile(data=os.urandom(size), filename=f"{name}.bin"),
        )
    transaction.commit()


def test_a_1_mb_file_adds_1_mb_of_blobs_and_a_little_database(portal):
    transaction.commit()
    db_before, blobs_before = usage.site_usage(portal)
    # An empty Plone site: some hundreds of kilobytes of records, no blob.
    assert 100_000 < db_before < 20 * MB
    add_file(portal, "rapport", MB)
    db_after, blobs_after = usage.site_usage(portal)
    assert blobs_after - blobs_before == MB
    # The File, its NamedBlobFile and blob records, catalogue entries.
    assert 0 < db_after - db_before < 200_000


def test_nothing_outside_the_site_is_counted(functional, portal):
    app = functional["app"]
    transaction.commit()
    before = usage.site_usage(portal)
    neighbour = SimpleItem()
    neighbour.id = "voisine"
    neighbour.blob = Blob()
    with neighbour.blob.open("w") as file:
        file.write(os.urandom(MB))
    app._setObject("voisine", neighbour)
    # Even when the site refers to it.
    portal.voisine_ref = app.voisine.aq_base
    transaction.commit()
    db_after, blobs_after = usage.site_usage(portal)
    assert blobs_after == before[1]
    assert db_after - before[0] < 1000


def test_lines_and_warning_threshold(portal):
    transaction.commit()
    settings = SimpleNamespace(plan="petit", plan_quota_gb=1)
    agency = SimpleNamespace(plans={"petit": Plan(title="Petit", quota_gb=1)})
    (item,) = usage.report([(portal, settings)], agency)
    assert (item.db_bytes, item.blob_bytes) == usage.site_usage(portal)
    assert item.quota_bytes == usage.GB and not item.warning
    assert french(usage.line(item)).startswith(f"{portal.getId()} : ")
    limit = int(0.9 * usage.GB)
    assert not usage.Usage("x", "X", "petit", limit - MB, MB, usage.GB).warning
    past = usage.Usage("x", "X", "petit", limit - MB, MB + 1, usage.GB)
    assert past.warning and french(usage.warning_line(past)).startswith("ATTENTION x")
    assert french(usage.size(2 * usage.GB)).startswith("2 ")
    assert french(usage.size(int(1.5 * MB))).startswith("1,5 ")
