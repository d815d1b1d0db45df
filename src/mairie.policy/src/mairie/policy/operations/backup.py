"""Back up a deployment's database and blobs into a dated folder, and rotate.

The backup is written under a hidden temporary name and renamed only once
complete, with its manifest (see manifest.py); on any failure the temporary
folder is removed, so a folder with a backup's name is always complete.
Names are UTC times, so that they sort in order across daylight-saving changes.
"""

from . import manifest
from . import postgres
from .deployment import Deployment
from .deployment import FILESTORAGE
from datetime import datetime
from datetime import UTC
from mairie.policy import _
from mairie.policy.interfaces import OperationError
from pathlib import Path
from ZODB.scripts import repozo as repozo_script

import errno
import os
import re
import shutil


NAME_FORMAT = "%Y-%m-%dT%H-%M-%SZ"
NAME = re.compile(r"\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ")
DATABASE = "database"
DUMP = "database.dump"
BLOBS = "blobs"


def backup(deployment: Deployment, root: Path, keep: int) -> tuple[Path, list[Path]]:
    """The new backup folder, and the older backups removed to keep ``keep``."""
    name = datetime.now(UTC).strftime(NAME_FORMAT)
    final = root / name
    partial = root / f".{name}.partial"
    try:
        root.mkdir(parents=True, exist_ok=True)
        if final.exists():
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(final))
        # The backup holds every commune's data, personal data included.
        partial.mkdir(mode=0o700)
        if deployment.kind == FILESTORAGE:
            # repozo reads a Data.fs in use up to its last committed transaction.
            (partial / DATABASE).mkdir()
            repozo("-B", "-F", "-z", "-r", str(partial / DATABASE), "-f", str(deployment.data_fs))
        else:
            postgres.dump(deployment.dsn, partial / DUMP)
        # After the database: every blob its backup refers to already exists
        # (blob files are written before their transaction commits).
        if deployment.blob_dir is not None:
            copy_tree(deployment.blob_dir, partial / BLOBS, link=True)
        manifest.write(partial, deployment.kind)
        partial.rename(final)
    except BaseException as error:
        shutil.rmtree(partial, ignore_errors=True)
        if isinstance(error, OSError | OperationError):
            detail = describe(error) if isinstance(error, OSError) else error.message
            raise OperationError(
                _(
                    "error_backup_failed",
                    default="the backup failed, nothing was kept: ${detail}",
                    mapping={"detail": detail},
                )
            ) from None
        raise
    return final, rotate(root, keep)


def backups(root: Path) -> list[Path]:
    """The complete backups in ``root``, oldest first."""
    if not root.is_dir():
        return []
    return sorted(
        path
        for path in root.iterdir()
        if NAME.fullmatch(path.name) and (path / manifest.MANIFEST).is_file()
    )


def rotate(root: Path, keep: int) -> list[Path]:
    removed = backups(root)[:-keep]
    for path in removed:
        shutil.rmtree(path)
    return removed


def repozo(*arguments: str) -> None:
    """ZODB's repozo, in this process; its failures become an OperationError."""
    try:
        repozo_script.main(list(arguments))
    except SystemExit as exit:
        if exit.code:
            raise OperationError(
                _("error_repozo", default="repozo failed: ${detail}", mapping={"detail": exit.code})
            ) from None


def copy_tree(source: Path, target: Path, link: bool) -> None:
    """Copy a blob directory, hard-linking its files when ``link`` and possible.

    ZODB never changes a blob file once written (a new revision is a new
    file), so a hard link is as good as a copy and costs no space. The
    directory's ``tmp`` (uncommitted uploads) is left out.
    """
    for folder, subfolders, files in os.walk(source):
        relative = Path(folder).relative_to(source)
        if relative == Path("."):
            subfolders[:] = [name for name in subfolders if name != "tmp"]
        (target / relative).mkdir(parents=True, exist_ok=True)
        # ZODB keeps its blob directory private (0700): so do the copies.
        shutil.copymode(folder, target / relative)
        for name in files:
            if link:
                try:
                    os.link(Path(folder) / name, target / relative / name)
                    continue
                except OSError as error:
                    if error.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK):
                        raise
                    link = False
            shutil.copy2(Path(folder) / name, target / relative / name)


def describe(error: OSError) -> str:
    return f"{error.filename}: {error.strerror}" if error.filename else str(error)
