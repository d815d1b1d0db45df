"""Numbers are unique and without gaps, even with 50 submissions at once."""

from datetime import datetime
from mairie.policy.sve.records import all_requests
from mairie.policy.sve.records import requests_of
from mairie.policy.sve.records import store_request
from ZODB.POSException import ConflictError
from zoneinfo import ZoneInfo

import threading
import transaction


PARIS = ZoneInfo("Europe/Paris")


def test_fifty_parallel_submissions_get_fifty_consecutive_numbers(site, functional):
    path = site["demarches"]["nous-contacter"].getPhysicalPath()
    db = functional["app"]._p_jar.db()
    conflicts = []
    start = threading.Barrier(50)

    def submit_one(index):
        manager = transaction.TransactionManager()
        connection = db.open(transaction_manager=manager)
        try:
            start.wait()
            for attempt in manager.attempts(200):
                with attempt:
                    form = connection.root()["Application"].unrestrictedTraverse(path)
                    store_request(form, "TEST", True, {"index": index}, f"p{index}@example.net")
        except ConflictError:  # pragma: no cover - 200 attempts not enough
            conflicts.append(index)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit_one, args=(i,)) for i in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert conflicts == []
    transaction.begin()
    form = site["demarches"]["nous-contacter"]
    records = all_requests(form)
    year = datetime.now(PARIS).year
    assert sorted(r.number for r in records) == [f"TEST-{year}-{n:06d}" for n in range(1, 51)]
    assert sorted(r.data["index"] for r in records) == list(range(50))
    assert requests_of(form).counter.last == {year: 50}


def test_switching_the_yearly_reset_never_overwrites_a_request(site):
    form = site["demarches"]["nous-contacter"]
    when = datetime(2026, 6, 1, 10, 0, tzinfo=PARIS)
    first = store_request(form, "T", True, {}, "a@example.net", when)
    second = store_request(form, "T", True, {}, "b@example.net", when)
    # Switched off, numbering restarts its own sequence: 1 and 2 are taken.
    third = store_request(form, "T", False, {}, "c@example.net", when)
    assert [first.number, second.number, third.number] == [
        "T-2026-000001",
        "T-2026-000002",
        "T-2026-000003",
    ]
    assert sorted(r.email for r in all_requests(form)) == [
        "a@example.net",
        "b@example.net",
        "c@example.net",
    ]
