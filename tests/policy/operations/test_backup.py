"""mairie backup and restore on a real FileStorage with blobs, without Plone.

The whole chain with a commune site is in test_roundtrip.py; here, every
failure path, on a small ZODB that is quick to build.
"""

from contextlib import contextmanager
from datetime import datetime
from freezegun import freeze_time
from mairie.policy import _
from mairie.policy.cli.french import french
from mairie.policy.operations import backup
from mairie.policy.operations import deployment
from mairie.policy.operations import manifest
from mairie.policy.operations import postgres
from pathlib import Path
from persistent.mapping import PersistentMapping
from ZODB.blob import Blob
from zoneinfo import ZoneInfo

import json
import os
import pytest
import resource
import signal
import subprocess
import sys
import transaction
import ZODB
import ZODB.config


PARIS = ZoneInfo("Europe/Paris")
LOCKED = french(
    _(
        "error_locked",
        default="the database is in use by a running Zope: stop it first (Ctrl+C where it runs)",
    )
)


@contextmanager
def database(zope_conf):
    """The deployment's database, opened as Zope opens it (this holds its lock)."""
    config = deployment.read(zope_conf)
    db = ZODB.config.databaseFromString(
        f"""<zodb>
          <blobstorage>
            blob-dir {config.blob_dir}
            <filestorage>
              path {config.data_fs}
            </filestorage>
          </blobstorage>
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


def write_blob(root, name, data):
    blob = root[name] = Blob()
    with blob.open("w") as file:
        file.write(data)


def read(root):
    """What the tests compare: the page's title and every blob's content."""
    return {
        "title": root["page"]["title"],
        "blobs": {
            name: root[name].open("r").read() for name in root if isinstance(root[name], Blob)
        },
    }


@pytest.fixture
def content(zope_conf):
    with database(zope_conf) as root:
        root["page"] = PersistentMapping(title="Bienvenue")
        write_blob(root, "logo", b"logo " * 1000)
    with database(zope_conf) as root:
        return read(root)


@pytest.fixture
def data_fs(zope_conf):
    return deployment.read(zope_conf).data_fs


def backups_in(folder):
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


def test_backup_change_restore(run, zope_conf, content, tmp_path):
    status, out, err = run("backup", "--to", str(tmp_path / "backups"))
    assert status == 0, err
    (folder,) = (tmp_path / "backups").iterdir()
    assert out.count("\n") == 1 and out.strip().endswith(str(folder))
    assert backup.NAME.fullmatch(folder.name)
    # Readable by its owner only: it holds every commune's data.
    assert folder.stat().st_mode & 0o077 == 0
    files = json.loads((folder / manifest.MANIFEST).read_text())["files"]
    assert any(name.startswith("database/") and name.endswith(".fsz") for name in files)
    assert sum(name.endswith(".blob") for name in files) == 1

    with database(zope_conf) as root:
        root["page"]["title"] = "Modifié"
        write_blob(root, "new", b"new file")
        with root["logo"].open("w") as file:
            file.write(b"another logo")
    with database(zope_conf) as root:
        assert read(root) != content

    status, out, err = run("restore", str(folder))
    assert status == 0, err
    assert str(folder) in out
    with database(zope_conf) as root:
        assert read(root) == content
        assert "new" not in root
    data_fs = deployment.read(zope_conf).data_fs
    assert not list(data_fs.parent.glob("*.restoring*"))
    assert not list(data_fs.parent.parent.glob("blobstorage.*"))


def test_default_folder_is_in_the_client_home(run, zope_conf, content, tmp_path):
    status, out, err = run("backup")
    assert status == 0, err
    assert len(backups_in(tmp_path / "instance" / "var" / "backups")) == 1


def test_agency_file_names_the_folder(run, content, agency_file, tmp_path, monkeypatch):
    agency = tmp_path / "agence" / "agency.yaml"
    agency.parent.mkdir()
    agency.write_text(agency_file.read_text() + 'backups: "sauvegardes"\n')
    monkeypatch.setenv("MAIRIE_AGENCY", str(agency))
    status, out, err = run("backup")
    assert status == 0, err
    assert len(backups_in(tmp_path / "agence" / "sauvegardes")) == 1


def test_rotation_keeps_the_most_recent_across_a_clock_change(run, content, tmp_path):
    """Names are UTC: the hour repeated on 26 October 2025 in Paris still sorts."""
    target = tmp_path / "backups"
    made = []
    # 02:30 summer time, 02:30 winter time one hour later, then 03:30.
    for hour, fold in ((2, 0), (2, 1), (3, 0)):
        moment = datetime(2025, 10, 26, hour, 30, tzinfo=PARIS).replace(fold=fold)
        with freeze_time(moment):
            status, out, err = run("backup", "--to", str(target), "--keep", "2")
        assert status == 0, err
        made.append(backups_in(target)[-1])
    assert made == ["2025-10-26T00-30-00Z", "2025-10-26T01-30-00Z", "2025-10-26T02-30-00Z"]
    assert backups_in(target) == made[1:]
    assert str(target / made[0]) in out.splitlines()[-1]


def test_bad_keep_is_refused(run, content, tmp_path, capsys):
    with pytest.raises(SystemExit) as exit:
        run("backup", "--to", str(tmp_path / "backups"), "--keep", "0")
    assert exit.value.code == 2
    assert not (tmp_path / "backups").exists()


def test_unwritable_target_fails_and_leaves_nothing(run, content, tmp_path):
    target = tmp_path / "not-a-folder"
    target.write_text("a file where the backups should go")
    status, out, err = run("backup", "--to", str(target))
    assert status == 1
    assert str(target) in err and "File exists" in err
    assert target.read_text() == "a file where the backups should go"


def test_failure_midway_removes_the_partial_backup_and_keeps_the_old_ones(
    zope_conf, content, tmp_path
):
    """The disk fills up while the database is written: as if, with a file size limit."""
    target = tmp_path / "backups"
    with database(zope_conf) as root:
        root["page"]["body"] = os.urandom(200_000)
    mairie = str(Path(sys.executable).parent / "mairie")
    command = [mairie, "--zope-conf", str(zope_conf), "backup", "--to", str(target), "--keep", "1"]
    assert subprocess.run(command, capture_output=True, timeout=120).returncode == 0
    before = backups_in(target)

    def small_disk():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))

    failed = subprocess.run(
        command, capture_output=True, text=True, timeout=120, preexec_fn=small_disk
    )
    assert failed.returncode == 1
    assert "File too large" in failed.stderr and failed.stdout == ""
    assert backups_in(target) == before


def test_restore_refuses_a_truncated_backup(run, zope_conf, content, data_fs, tmp_path):
    run("backup", "--to", str(tmp_path / "backups"))
    (folder,) = (tmp_path / "backups").iterdir()
    with database(zope_conf) as root:
        root["page"]["title"] = "Après la sauvegarde"
    current = data_fs.read_bytes()
    (database_file,) = (folder / "database").glob("*.fsz")
    database_file.write_bytes(database_file.read_bytes()[:-100])

    status, out, err = run("restore", str(folder))
    assert status == 2
    assert str(folder) in err and database_file.name in err
    assert data_fs.read_bytes() == current
    with database(zope_conf) as root:
        assert root["page"]["title"] == "Après la sauvegarde"


@pytest.mark.parametrize("damage", ["no manifest", "missing blob", "other storage"])
def test_restore_refuses_an_incomplete_backup(run, zope_conf, content, data_fs, tmp_path, damage):
    run("backup", "--to", str(tmp_path / "backups"))
    (folder,) = (tmp_path / "backups").iterdir()
    if damage == "no manifest":
        (folder / manifest.MANIFEST).unlink()
    elif damage == "missing blob":
        next(folder.rglob("*.blob")).unlink()
    else:
        data = json.loads((folder / manifest.MANIFEST).read_text())
        data["storage"] = "postgresql"
        (folder / manifest.MANIFEST).write_text(json.dumps(data))
    current = data_fs.read_bytes()
    status, out, err = run("restore", str(folder))
    assert status == 2
    assert str(folder) in err
    assert data_fs.read_bytes() == current


def test_restore_refuses_while_zope_holds_the_database(run, zope_conf, content, data_fs, tmp_path):
    run("backup", "--to", str(tmp_path / "backups"))
    (folder,) = (tmp_path / "backups").iterdir()
    with database(zope_conf) as root:
        root["page"]["title"] = "En ligne"
        transaction.commit()
        current = data_fs.read_bytes()
        status, out, err = run("restore", str(folder))
    assert status == 1
    assert err.strip() == LOCKED
    assert data_fs.read_bytes() == current
    assert not list(data_fs.parent.glob("*.restoring*"))


def test_unsupported_storage_is_refused(run, zope_conf, tmp_path):
    zope_conf.write_text(
        "%define INSTANCE " + str(tmp_path) + "\ninstancehome $INSTANCE\n"
        "<zodb_db main>\n  <mappingstorage/>\n  mount-point /\n</zodb_db>\n"
    )
    status, out, err = run("backup", "--to", str(tmp_path / "backups"))
    assert status == 2
    assert "mappingstorage" in err
    assert not (tmp_path / "backups").exists()


def test_relstorage_deployment_is_read_from_zope_conf(zope_conf, tmp_path):
    zope_conf.write_text(
        f"""instancehome {tmp_path}
        <zodb_db main>
          %import relstorage
          <relstorage>
            shared-blob-dir true
            blob-dir {tmp_path}/blobs
            <postgresql>
              dsn dbname='zodb' user='zope' host='127.0.0.1' port='5433' password='s3cr\\'t'
            </postgresql>
          </relstorage>
          mount-point /
        </zodb_db>
        """
    )
    read = deployment.read(zope_conf)
    assert (read.kind, read.blob_dir) == ("postgresql", tmp_path / "blobs")
    # The password reaches pg_dump in its environment, not on its command line.
    assert postgres._split_password(read.dsn) == (
        "dbname='zodb' user='zope' host='127.0.0.1' port='5433'",
        "s3cr't",
    )
    zope_conf.write_text(zope_conf.read_text().replace("shared-blob-dir true", ""))
    assert deployment.read(zope_conf).blob_dir is None


def test_hard_links_cost_no_space(zope_conf, content, tmp_path):
    config = deployment.read(zope_conf)
    folder, removed = backup.backup(config, tmp_path / "backups", keep=7)
    (copy,) = (folder / backup.BLOBS).rglob("*.blob")
    (original,) = config.blob_dir.rglob("*.blob")
    assert os.path.samefile(copy, original)
    assert removed == []
