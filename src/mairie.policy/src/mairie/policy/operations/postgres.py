"""PostgreSQL's own tools (Debian's postgresql-client) on the database of a DSN.

The password goes to the tools through PGPASSWORD, never on their command
line, where any user of the machine could read it.
"""

from mairie.policy import _
from mairie.policy.interfaces import OperationError
from pathlib import Path

import os
import re
import shutil
import subprocess


# libpq's key=value connection strings, as RelStorage and the buildout recipe write them.
_PAIR = re.compile(r"(\w+)\s*=\s*('(?:[^'\\]|\\.)*'|\S+)")


def dump(dsn: str, target: Path) -> None:
    _run(dsn, "pg_dump", "--format=custom", f"--file={target}")


def restore(dsn: str, source: Path) -> None:
    # One transaction: if anything fails, the database is left as it was.
    _run(
        dsn,
        "pg_restore",
        "--clean",
        "--if-exists",
        "--single-transaction",
        "--no-owner",
        "--no-privileges",
        str(source),
    )


def other_connections(dsn: str) -> int:
    """How many sessions (Zope instances, commands) use the database besides this one."""
    return int(
        _run(
            dsn,
            "psql",
            "--no-psqlrc",
            "--tuples-only",
            "--no-align",
            "--command=SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()",
        ).strip()
    )


def _run(dsn: str, tool: str, *arguments: str) -> str:
    if shutil.which(tool) is None:
        raise OperationError(
            _(
                "error_pg_tool_missing",
                default="${tool} is not installed: install Debian's postgresql-client "
                "(scripts/system-packages postgresql-client)",
                mapping={"tool": tool},
            )
        )
    conninfo, password = _split_password(dsn)
    env = dict(os.environ)
    if password is not None:
        env["PGPASSWORD"] = password
    result = subprocess.run(
        [tool, f"--dbname={conninfo}", *arguments], env=env, capture_output=True, text=True
    )
    if result.returncode:
        raise OperationError(
            _(
                "error_pg_tool_failed",
                default="${tool} failed: ${detail}",
                mapping={"tool": tool, "detail": result.stderr.strip()[-500:]},
            )
        )
    return result.stdout


def _split_password(dsn: str) -> tuple[str, str | None]:
    if "://" in dsn:
        return dsn, None
    password = None
    pairs = []
    for key, value in _PAIR.findall(dsn):
        if key == "password":
            password = re.sub(r"\\(.)", r"\1", value[1:-1] if value.startswith("'") else value)
        else:
            pairs.append(f"{key}={value}")
    return " ".join(pairs), password or None
