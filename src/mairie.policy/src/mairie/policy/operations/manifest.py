"""The manifest of a backup: every file with its size and checksum, written last.

A backup folder without a valid manifest, or whose files differ from it, is
incomplete or damaged and is never restored.
"""

from mairie.policy import _
from mairie.policy.interfaces import OperationRefused
from pathlib import Path

import hashlib
import json


MANIFEST = "manifest.json"
FORMAT = 1


def write(folder: Path, storage: str) -> None:
    files = {
        path.relative_to(folder).as_posix(): {"size": path.stat().st_size, "sha256": _sha256(path)}
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
    (folder / MANIFEST).write_text(
        json.dumps({"format": FORMAT, "storage": storage, "files": files}, indent=1),
        encoding="utf-8",
    )


def check(folder: Path) -> str:
    """The storage kind of a complete, intact backup; refused otherwise."""

    def refuse(reason):
        raise OperationRefused(
            _(
                "error_backup_invalid",
                default="${folder}: this backup cannot be restored (${reason}); "
                "nothing was changed",
                mapping={"folder": str(folder), "reason": reason},
            )
        )

    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        files = manifest["files"]
        storage = manifest["storage"]
    except (OSError, ValueError, KeyError, TypeError):
        refuse(_("backup_no_manifest", default="its manifest is missing or unreadable"))
    if manifest.get("format") != FORMAT or not files:
        refuse(_("backup_no_manifest", default="its manifest is missing or unreadable"))
    for name, expected in files.items():
        path = folder / name
        if not path.is_file():
            refuse(_("backup_file_missing", default="${file} is missing", mapping={"file": name}))
        if path.stat().st_size != expected["size"] or _sha256(path) != expected["sha256"]:
            refuse(_("backup_file_damaged", default="${file} is damaged", mapping={"file": name}))
    return storage


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()
