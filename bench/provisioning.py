"""How long creating a commune takes, and what each commune costs in storage and memory.

Run: .venv/bin/python bench/provisioning.py [N]   (default N=100)
Creates N communes from the demo profile (slugs demo-1 … demo-N) in a fresh
FileStorage with blobs under a temporary folder, in one process as one
deployment does, and prints the figures after 1, 10, 100 … communes: database
and blob size, and the process's memory (ZODB cache included).
"""

from pathlib import Path

import os
import platform
import resource
import statistics
import sys
import tempfile
import time


ROOT = Path(__file__).resolve().parent.parent


def main(count: int) -> None:
    os.environ.setdefault("TZ", "Europe/Paris")
    from mairie.policy.cli.zope import zope_app
    from mairie.policy.commune.loader import load_agency
    from mairie.policy.commune.loader import load_profile
    from mairie.policy.provisioning import site as provisioning

    import transaction

    agency = load_agency(ROOT / "examples" / "agency.yaml")
    base = load_profile(ROOT / "examples" / "saint-aubin-sur-loire" / "commune.yaml", agency)
    with tempfile.TemporaryDirectory() as folder:
        instance = Path(folder)
        for part in ("filestorage", "blobstorage"):
            (instance / "var" / part).mkdir(parents=True)
        conf = instance / "zope.conf"
        conf.write_text(
            (ROOT / "etc" / "zope.conf.in").read_text().replace("@INSTANCE@", str(instance))
        )
        started = time.perf_counter()
        durations, sizes = [], []
        data_fs = instance / "var" / "filestorage" / "Data.fs"
        with zope_app(str(conf)) as app:
            startup = time.perf_counter() - started
            rss_before = _rss_mb()
            checkpoints = []
            for number in range(1, count + 1):
                profile = base.model_copy(deep=True)
                profile.commune.slug = f"demo-{number}"
                size_before = data_fs.stat().st_size
                began = time.perf_counter()
                provisioning.create(app, profile, agency)
                transaction.commit()
                durations.append(time.perf_counter() - began)
                sizes.append((data_fs.stat().st_size - size_before) / 1e6)
                if number in (1, 10, 100, 1000) or number == count:
                    checkpoints.append(
                        (number, data_fs.stat().st_size / 1e6, _blobs(instance), _rss_mb())
                    )
            rss_after = _rss_mb()
        blobs = _blobs(instance) * 1e6

    print(
        f"machine: {platform.node()} {platform.machine()} {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d %H:%M')}"
    )
    print(f"Zope start and configuration: {startup:.1f} s")
    print(f"communes created: {count}")
    print(
        f"create + commit per commune: median {statistics.median(durations):.2f} s, "
        f"max {max(durations):.2f} s (first {durations[0]:.2f} s)"
    )
    print(f"Data.fs per commune: median {statistics.median(sizes):.2f} MB")
    print(f"blobs per commune: {blobs / count / 1e6:.2f} MB")
    for number, database, blob_mb, rss in checkpoints:
        print(
            f"{number:4d} commune(s): Data.fs {database:.1f} MB ({database / number:.2f} MB each), "
            f"blobs {blob_mb:.1f} MB, process memory {rss:.0f} MB "
            f"({(rss - rss_before) / number:.1f} MB each beyond the start)"
        )
    print(
        f"process memory (max RSS): {rss_before:.0f} MB after start, {rss_after:.0f} MB after "
        f"{count} communes ({(rss_after - rss_before) / count:.1f} MB per commune)"
    )


def _blobs(instance: Path) -> float:
    return sum(f.stat().st_size for f in (instance / "var" / "blobstorage").rglob("*.blob")) / 1e6


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
