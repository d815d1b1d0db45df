"""The storage each commune uses, against its plan's quota.

A site's size is that of every database record reachable from it (the
current revision, as ``storage.load`` returns it, not the history a
FileStorage keeps until it is packed) plus the size of its blob files. The
walk never enters the Zope application or another top-level object, so a
commune is not charged for its neighbours; a record two sites share (there
is none in a normal deployment) is counted in each.
"""

from dataclasses import dataclass
from mairie.policy import _
from mairie.policy.commune.schema import Agency
from ZODB.blob import is_blob_record
from ZODB.POSException import POSKeyError
from ZODB.serialize import referencesf
from zope.i18nmessageid import Message

import os


MB = 1024**2
GB = 1024**3
WARNING_RATIO = 0.9


@dataclass(frozen=True)
class Usage:
    slug: str
    title: str
    plan: str
    db_bytes: int
    blob_bytes: int
    quota_bytes: int

    @property
    def total(self) -> int:
        return self.db_bytes + self.blob_bytes

    @property
    def ratio(self) -> float:
        return self.total / self.quota_bytes

    @property
    def warning(self) -> bool:
        return self.ratio > WARNING_RATIO


def site_usage(site) -> tuple[int, int]:
    """(database bytes, blob bytes) of a site, as last committed."""
    connection = site._p_jar
    # The connection's storage sees the database as the connection does.
    storage = connection._storage
    app = connection.root()["Application"]
    fence = {connection.root()._p_oid, app._p_oid}
    fence.update(
        obj._p_oid for obj in app.objectValues() if obj._p_oid and obj._p_oid != site._p_oid
    )
    db_bytes = blob_bytes = 0
    seen = set(fence)
    pending = [site._p_oid]
    seen.add(site._p_oid)
    while pending:
        oid = pending.pop()
        try:
            data, serial = storage.load(oid)
            if is_blob_record(data):
                blob_bytes += os.path.getsize(storage.loadBlob(oid, serial))
        except POSKeyError:
            # A dangling reference, or a blob whose file is lost, takes no space.
            continue
        db_bytes += len(data)
        for reference in referencesf(data):
            if reference not in seen:
                seen.add(reference)
                pending.append(reference)
    return db_bytes, blob_bytes


def report(communes, agency: Agency) -> list[Usage]:
    """The usage of each (site, settings) pair of provisioning's ``communes(app)``."""
    usages = []
    for site, settings in communes:
        plan = agency.plans.get(settings.plan)
        # A plan no longer in the agency file: the quota it had when provisioned.
        quota_gb = plan.quota_gb if plan is not None else settings.plan_quota_gb
        usages.append(
            Usage(site.getId(), site.title, settings.plan, *site_usage(site), quota_gb * GB)
        )
    return usages


def line(usage: Usage) -> Message:
    return _(
        "usage_line",
        default="${slug}: ${used} of ${quota} (${percent} %), database ${database}, files ${files}",
        mapping={
            "slug": usage.slug,
            "used": size(usage.total),
            "quota": size(usage.quota_bytes),
            "percent": _decimal(100 * usage.ratio, 1),
            "database": size(usage.db_bytes),
            "files": size(usage.blob_bytes),
        },
    )


def warning_line(usage: Usage) -> Message:
    # "ATTENTION" starts the line in every language, for scripts that look for it.
    return _(
        "usage_warning",
        default="ATTENTION ${slug}: ${title} uses more than 90 % of the quota of its plan "
        "“${plan}”",
        mapping={"slug": usage.slug, "title": usage.title, "plan": usage.plan},
    )


def size(value: int) -> Message:
    """A size in binary units with a French decimal comma: 12,3 Mo, 1,85 Go, 2 Go."""
    if value >= GB:
        decimals = 0 if value % GB == 0 else 2
        return _("size_gb", default="${size} GB", mapping={"size": _decimal(value / GB, decimals)})
    return _("size_mb", default="${size} MB", mapping={"size": _decimal(value / MB, 1)})


def _decimal(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}".replace(".", ",")
