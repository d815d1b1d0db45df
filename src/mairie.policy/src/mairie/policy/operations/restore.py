"""Restore a backup (see backup.py) over a deployment's database and blobs.

Everything is first rebuilt beside the data in use (``*.restoring``); the
data in use is replaced only once that succeeded, by renames. A backup that
is damaged, incomplete or of another storage kind is refused before anything
is written.
"""

from . import manifest
from . import postgres
from .backup import BLOBS
from .backup import copy_tree
from .backup import DATABASE
from .backup import describe
from .backup import DUMP
from .backup import repozo
from .deployment import Deployment
from .deployment import FILESTORAGE
from mairie.policy import _
from mairie.policy.interfaces import OperationError
from mairie.policy.interfaces import OperationRefused
from pathlib import Path
from zc.lockfile import LockFile

import shutil


def restore(deployment: Deployment, folder: Path) -> None:
    storage = manifest.check(folder)
    if storage != deployment.kind:
        raise OperationRefused(
            _(
                "error_backup_other_storage",
                default="${folder} is a backup of a ${backup} database, this deployment "
                "uses ${deployment}: nothing was changed",
                mapping={"folder": str(folder), "backup": storage, "deployment": deployment.kind},
            )
        )
    if deployment.kind == FILESTORAGE:
        # The lock Zope holds while it runs: a LockError here means it runs.
        lock = LockFile(f"{deployment.data_fs}.lock")
        try:
            _restore(deployment, folder, _filestorage)
        finally:
            lock.close()
    else:
        users = postgres.other_connections(deployment.dsn)
        if users:
            raise OperationError(
                _(
                    "error_database_in_use",
                    default="the database is in use (open connections: ${count}): stop the Zope "
                    "instances first",
                    mapping={"count": users},
                )
            )
        _restore(deployment, folder, _postgresql)


def _restore(deployment, folder, restore_database):
    blob_dir = deployment.blob_dir
    staged = blob_dir.with_name(f"{blob_dir.name}.restoring") if blob_dir else None
    try:
        if staged is not None:
            shutil.rmtree(staged, ignore_errors=True)
            copy_tree(folder / BLOBS, staged, link=False)
        restore_database(deployment, folder)
        if staged is not None:
            _swap(staged, blob_dir)
    except OSError as error:
        raise OperationError(
            _(
                "error_restore_failed",
                default="the restore failed: ${detail}",
                mapping={"detail": describe(error)},
            )
        ) from None
    finally:
        if staged is not None:
            shutil.rmtree(staged, ignore_errors=True)


def _filestorage(deployment, folder):
    data_fs = deployment.data_fs
    staged = data_fs.with_name(f"{data_fs.name}.restoring")
    # repozo also restores the index, as <output>.index.
    staged_index = staged.with_name(f"{staged.name}.index")
    try:
        repozo("-R", "-w", "-r", str(folder / DATABASE), "-o", str(staged))
        # An index left from the replaced Data.fs would describe the wrong file.
        Path(f"{data_fs}.index").unlink(missing_ok=True)
        staged.replace(data_fs)
        if staged_index.exists():
            staged_index.replace(f"{data_fs}.index")
    finally:
        staged.unlink(missing_ok=True)
        staged_index.unlink(missing_ok=True)
        Path(f"{staged}.part").unlink(missing_ok=True)


def _postgresql(deployment, folder):
    postgres.restore(deployment.dsn, folder / DUMP)


def _swap(staged: Path, blob_dir: Path) -> None:
    replaced = blob_dir.with_name(f"{blob_dir.name}.replaced")
    shutil.rmtree(replaced, ignore_errors=True)
    if blob_dir.exists():
        blob_dir.rename(replaced)
    staged.rename(blob_dir)
    shutil.rmtree(replaced, ignore_errors=True)
