"""A FileStorage deployment in a temporary folder, as `make start` writes one, and the
mairie command run on it in its own process, as an operator runs it."""

from pathlib import Path

import os
import socket
import subprocess
import sys


ROOT = Path(__file__).resolve().parent.parent


def closed_port() -> int:
    """A local port nothing listens on: a service that is down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def write_zope_conf(base: Path) -> Path:
    """The demo's zope.conf (FileStorage with blobs) for an instance under ``base``."""
    instance = base / "instance"
    for folder in ("filestorage", "blobstorage"):
        (instance / "var" / folder).mkdir(parents=True, exist_ok=True)
    conf = base / "zope.conf"
    conf.write_text(
        (ROOT / "etc" / "zope.conf.in").read_text().replace("@INSTANCE@", str(instance))
    )
    return conf


def mairie(zope_conf: Path, agency: Path, *argv: str) -> subprocess.CompletedProcess:
    """`mairie ARGV…` in its own process on that deployment, with that agency file."""
    env = {**os.environ, "MAIRIE_ZOPE_CONF": str(zope_conf), "MAIRIE_AGENCY": str(agency)}
    command = [str(Path(sys.executable).parent / "mairie"), *argv]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
