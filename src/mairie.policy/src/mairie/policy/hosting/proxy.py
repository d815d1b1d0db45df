"""The HTTP front's configuration, written from the agency file and the communes' domains.

Three files in the agency's ``proxy.config_dir``: ``mairie-sites.conf`` (the
nginx servers: every commune's addresses rewritten for the VirtualHostMonster,
and the balancer of the Zope instances), ``nginx.conf`` (a whole nginx
configuration around it, for a trial run by any user) and ``varnish.vcl``.
Each file is replaced at once (written beside, then renamed), so a reloading
server never reads half of one.
"""

from mairie.policy.commune.schema import Proxy
from pathlib import Path
from typing import NamedTuple

import os
import shlex
import subprocess


TEMPLATES = Path(__file__).parent / "templates"
FILES = ("mairie-sites.conf", "nginx.conf", "varnish.vcl")


class Hosts(NamedTuple):
    """One commune's addresses: where it answers, and where it lives for good."""

    slug: str
    temporary: str
    final: str = ""

    @classmethod
    def of(cls, slug: str, settings) -> "Hosts":
        """From a commune's settings (``mairie.commune.*``)."""
        return cls(slug, settings.temporary_domain or "", settings.final_domain or "")

    @property
    def address(self) -> str:
        """Where visitors reach the commune: its own domain, else its temporary one."""
        return self.final or self.temporary


class HostConflict(Exception):
    """Two communes claim one address: no configuration could serve both."""

    def __init__(self, host: str, communes: tuple[str, str]):
        super().__init__(host)
        self.host = host
        self.communes = communes


class ReloadError(Exception):
    def __init__(self, command: str, output: str):
        super().__init__(command)
        self.command = command
        self.output = output


def render(proxy: Proxy, directory: Path, communes: list[Hosts]) -> dict[str, str]:
    """The files' text, by name."""
    communes = sorted(communes)
    balancer_host, balancer_port = proxy.balancer.rsplit(":", 1)
    values = {
        "DIR": str(directory),
        "LISTEN": str(proxy.listen),
        "CACHE": proxy.cache,
        "BALANCER": proxy.balancer,
        "BALANCER_HOST": balancer_host,
        "BALANCER_PORT": balancer_port,
        "INSTANCES": "\n".join(
            f"    server {address} max_fails=3 fail_timeout=10s;" for address in proxy.instances
        ),
        "SITES": "\n".join(f"    {host} {slug};" for host, slug in _addresses(communes)),
        "CANONICAL": "\n".join(
            f"    {commune.temporary} {commune.final};" for commune in communes if commune.final
        ),
        "PURGERS": "\n".join(
            f'    "{host}";'
            for host in sorted({address.rsplit(":", 1)[0] for address in proxy.instances})
        ),
    }
    return {name: _fill((TEMPLATES / f"{name}.in").read_text(), values) for name in FILES}


def write(proxy: Proxy, directory: Path, communes: list[Hosts]) -> list[Path]:
    """Write the files, then run the agency's reload command if it has one."""
    directory.mkdir(parents=True, exist_ok=True)
    for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (directory / "tmp" / name).mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render(proxy, directory.resolve(), communes).items():
        target = directory / name
        partial = directory / f".{name}.new"
        partial.write_text(text)
        os.replace(partial, target)
        written.append(target)
    if proxy.reload:
        done = subprocess.run(
            shlex.split(proxy.reload), capture_output=True, text=True, check=False
        )
        if done.returncode:
            raise ReloadError(proxy.reload, (done.stderr or done.stdout).strip())
    return written


def _addresses(communes: list[Hosts]) -> list[tuple[str, str]]:
    owners: dict[str, str] = {}
    for commune in communes:
        for host in filter(None, (commune.temporary, commune.final)):
            if owners.setdefault(host, commune.slug) != commune.slug:
                raise HostConflict(host, (owners[host], commune.slug))
    return list(owners.items())


def _fill(template: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        template = template.replace(f"@{key}@", value)
    return template
