"""Write the demo instance's configuration (`make instance`): zope.conf from
etc/zope.conf.in and zope.ini from etc/wsgi.ini.in, the template buildout's
instances use too, so the demo is served as every deployment is.

Usage: python scripts/instance_config.py INSTANCE_DIR [PORT]
"""

from pathlib import Path

import sys


ETC = Path(__file__).resolve().parent.parent / "etc"
# What buildout's plone.recipe.zope2instance puts in [server:main]; the template
# adds the options every instance shares (mairie.policy.hosting.wsgi.SERVER_OPTIONS).
SERVER = """\
use = egg:waitress#main
listen = 127.0.0.1:{port}
threads = 4
clear_untrusted_proxy_headers = false"""
# The demo's pipeline, as buildout.cfg's: Zope's error pages, the access log, gzip.
PIPELINE = ["egg:Zope#httpexceptions", "translogger", "egg:Paste#gzip", "zope"]


def zope_ini(instance: Path, port: int = 8080) -> str:
    log = instance / "var" / "log"
    return (ETC / "wsgi.ini.in").read_text() % {
        "server_main": SERVER.format(port=port),
        "location": str(instance),
        "pipeline": "\n    ".join(PIPELINE),
        "eventlog_level": "INFO",
        "accesslog_level": "INFO",
        "eventlog_args": repr((str(log / "event.log"), "a")),
        "accesslog_args": repr((str(log / "Z4.log"), "a")),
    }


def zope_conf(instance: Path) -> str:
    return (ETC / "zope.conf.in").read_text().replace("@INSTANCE@", str(instance))


def write(instance: Path, port: int = 8080) -> None:
    for folder in ("etc", "var/log", "var/cache", "var/filestorage", "var/blobstorage"):
        (instance / folder).mkdir(parents=True, exist_ok=True)
    (instance / "etc" / "zope.conf").write_text(zope_conf(instance))
    (instance / "etc" / "zope.ini").write_text(zope_ini(instance, port))


if __name__ == "__main__":
    write(Path(sys.argv[1]).resolve(), int(sys.argv[2]) if len(sys.argv) > 2 else 8080)
