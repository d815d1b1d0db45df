"""How many requests one address sent lately, kept in memory only.

What the public forms (the SVE's requests, the appointments) count, per form
and per visitor's address (mairie.policy.backoffice.access.visitor_address).
Nothing is written to the database and nothing outlives the window: the
count protects the service without keeping a trace of who sent what. Each
Zope process counts its own submissions.
"""

from collections import deque
from threading import Lock

import time


WINDOW = 600  # seconds
SWEEP_ABOVE = 10_000  # addresses kept before forgetting the stale ones

_lock = Lock()
_hits: dict[tuple[str, str], deque] = {}


def _count(key, now) -> int:
    hits = _hits.get(key)
    if hits is None:
        return 0
    while hits and hits[0] <= now - WINDOW:
        hits.popleft()
    if not hits:
        del _hits[key]
    return len(hits)


def allowed(scope: str, address: str, limit: int) -> bool:
    """Whether ``address`` may submit once more to ``scope`` (a form) now.

    An unreadable address ("") is counted as one visitor: refused past the limit
    rather than let through.
    """
    with _lock:
        return _count((scope, address), time.monotonic()) < limit


def record(scope: str, address: str) -> None:
    """Count one stored submission from ``address``."""
    with _lock:
        now = time.monotonic()
        if len(_hits) > SWEEP_ABOVE:
            for key in list(_hits):
                _count(key, now)
        _count((scope, address), now)
        _hits.setdefault((scope, address), deque()).append(now)


def reset() -> None:
    with _lock:
        _hits.clear()
