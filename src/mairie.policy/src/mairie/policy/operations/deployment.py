"""Where a deployment keeps its data, read from its zope.conf as Zope reads it."""

from dataclasses import dataclass
from mairie.policy import _
from mairie.policy.interfaces import OperationRefused
from pathlib import Path

import ZConfig


FILESTORAGE = "filestorage"
POSTGRESQL = "postgresql"


@dataclass(frozen=True)
class Deployment:
    """The root database of a zope.conf: a FileStorage or RelStorage on PostgreSQL.

    ``blob_dir`` is None when the blobs live in the database itself
    (RelStorage without a shared blob directory).
    """

    kind: str
    clienthome: Path
    blob_dir: Path | None
    data_fs: Path | None = None
    dsn: str | None = None


def read(zope_conf: str | Path) -> Deployment:
    from Zope2.Startup.options import ZopeWSGIOptions

    try:
        config = ZopeWSGIOptions(configfile=str(zope_conf))().configroot
    except ZConfig.ConfigurationError as error:
        raise OperationRefused(
            _(
                "error_zope_conf_invalid",
                default="${path}: this zope.conf cannot be read: ${detail}",
                mapping={"path": str(zope_conf), "detail": str(error)},
            )
        ) from None
    roots = [db for db in config.databases or () if "/" in db.config.mount_points]
    if not roots:
        raise OperationRefused(
            _(
                "error_zope_conf_no_root",
                default="${path}: no database is mounted at / in this zope.conf",
                mapping={"path": str(zope_conf)},
            )
        )
    section = roots[0].config.storage.config
    kind = section.getSectionType()
    clienthome = Path(config.clienthome)
    if kind == "blobstorage" and section.base.config.getSectionType() == FILESTORAGE:
        return Deployment(
            FILESTORAGE, clienthome, Path(section.blob_dir), data_fs=Path(section.base.config.path)
        )
    if kind == FILESTORAGE:
        blob_dir = Path(section.blob_dir) if section.blob_dir else None
        return Deployment(FILESTORAGE, clienthome, blob_dir, data_fs=Path(section.path))
    if kind == "relstorage" and section.adapter.config.getSectionType() == POSTGRESQL:
        # Without a shared blob directory, RelStorage keeps the blobs in the
        # database and blob-dir is only a cache.
        blob_dir = Path(section.blob_dir) if section.shared_blob_dir else None
        return Deployment(POSTGRESQL, clienthome, blob_dir, dsn=section.adapter.config.dsn)
    raise OperationRefused(
        _(
            "error_storage_unsupported",
            default="${path}: the storage “${kind}” is not supported; a FileStorage "
            "(with blobs) or RelStorage on PostgreSQL is expected",
            mapping={"path": str(zope_conf), "kind": kind},
        )
    )
