"""A FileStorage deployment in a temporary folder, as `make start` writes one, the
mairie command run on it in its own process, as an operator runs it, and the
instance served as `make start` serves it."""

from pathlib import Path

import instance_config
import os
import socket
import subprocess
import sys


def closed_port() -> int:
    """A local port nothing listens on: a service that is down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def write_zope_conf(base: Path, port: int = 8080) -> Path:
    """The demo's configuration (FileStorage with blobs, its WSGI server) for an
    instance under ``base``, written as `make instance` writes it; its zope.conf."""
    instance = base / "instance"
    instance_config.write(instance, port)
    return instance / "etc" / "zope.conf"


def mairie(zope_conf: Path, agency: Path, *argv: str) -> subprocess.CompletedProcess:
    """`mairie ARGV…` in its own process on that deployment, with that agency file."""
    env = {**os.environ, "MAIRIE_ZOPE_CONF": str(zope_conf), "MAIRIE_AGENCY": str(agency)}
    command = [str(Path(sys.executable).parent / "mairie"), *argv]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)


def serve(zope_conf: Path) -> subprocess.Popen:
    """The instance of ``zope_conf`` served by ``runwsgi`` with its zope.ini, as
    `make start` does; the caller stops it."""
    runwsgi = Path(sys.executable).parent / "runwsgi"
    return subprocess.Popen(
        [str(runwsgi), str(zope_conf.parent / "zope.ini")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
