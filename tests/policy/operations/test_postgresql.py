"""mairie backup and restore on RelStorage over PostgreSQL, with a shared blob directory.

A private PostgreSQL cluster (Debian's postgresql) is started in a temporary
folder, as scripts/check-production does; the test is skipped where
PostgreSQL is not installed. The whole production chain, with Zope instances
and a commune, is in scripts/check-production.
"""

from .test_backup import read
from .test_backup import write_blob
from contextlib import contextmanager
from mairie.policy.operations import deployment
from pathlib import Path
from persistent.mapping import PersistentMapping

import os
import pytest
import shutil
import socket
import subprocess
import tempfile
import transaction
import ZODB.config


PG_BINS = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not PG_BINS or shutil.which("pg_dump") is None, reason="PostgreSQL is not installed"
    ),
]


def as_owner(*command):
    # PostgreSQL refuses to run as root.
    prefix = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []
    subprocess.run([*prefix, *map(str, command)], check=True, capture_output=True, timeout=60)


@pytest.fixture
def cluster():
    """The port of a private PostgreSQL cluster with a database "zodb" owned by "zope"."""
    # Not under pytest's temporary folder, which the postgres user cannot enter.
    folder = Path(tempfile.mkdtemp(prefix="mairie-pg-"))
    if os.getuid() == 0:
        shutil.chown(folder, "postgres")
    pg_bin = PG_BINS[-1].parent
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    as_owner(pg_bin / "initdb", "-D", folder / "data", "-A", "trust", "-U", "zope")
    as_owner(
        pg_bin / "pg_ctl", "-D", folder / "data", "-l", folder / "log", "-w",
        "-o", f"-p {port} -c listen_addresses=127.0.0.1 -k {folder}", "start",
    )  # fmt: skip
    try:
        as_owner(pg_bin / "createdb", "-h", "127.0.0.1", "-p", port, "-U", "zope", "zodb")
        yield port
    finally:
        as_owner(pg_bin / "pg_ctl", "-D", folder / "data", "-m", "fast", "-w", "stop")
        shutil.rmtree(folder)


@pytest.fixture
def zope_conf(tmp_path, cluster):
    """A zope.conf as production.cfg writes it (RelStorage, pg8000, shared blobs)."""
    path = tmp_path / "zope.conf"
    path.write_text(
        f"""instancehome {tmp_path}
        <zodb_db main>
          %import relstorage
          <relstorage>
            keep-history false
            shared-blob-dir true
            blob-dir {tmp_path}/blobs
            <postgresql>
              dsn dbname='zodb' user='zope' host='127.0.0.1' port='{cluster}' password=''
              driver pg8000
            </postgresql>
          </relstorage>
          mount-point /
        </zodb_db>
        """
    )
    return path


@contextmanager
def database(zope_conf):
    config = deployment.read(zope_conf)
    db = ZODB.config.databaseFromString(
        f"""%import relstorage
        <zodb>
          <relstorage>
            keep-history false
            shared-blob-dir true
            blob-dir {config.blob_dir}
            <postgresql>
              dsn {config.dsn}
              driver pg8000
            </postgresql>
          </relstorage>
        </zodb>"""
    )
    connection = db.open()
    try:
        yield connection.root()
        transaction.commit()
    finally:
        transaction.abort()
        connection.close()
        db.close()


def test_backup_change_restore(run, zope_conf, tmp_path):
    with database(zope_conf) as root:
        root["page"] = PersistentMapping(title="Bienvenue")
        write_blob(root, "logo", b"logo " * 1000)
    with database(zope_conf) as root:
        content = read(root)

    status, out, err = run("backup", "--to", str(tmp_path / "backups"))
    assert status == 0, err
    (folder,) = (tmp_path / "backups").iterdir()
    assert (folder / "database.dump").stat().st_size > 0

    with database(zope_conf) as root:
        root["page"]["title"] = "Modifié"
        write_blob(root, "new", b"new file")
        # While a Zope instance uses the database, restoring is refused.
        transaction.commit()
        status, out, err = run("restore", str(folder))
        assert status == 1 and err
        assert read(root)["title"] == "Modifié"

    status, out, err = run("restore", str(folder))
    assert status == 0, err
    with database(zope_conf) as root:
        assert read(root) == content
        assert "new" not in root
