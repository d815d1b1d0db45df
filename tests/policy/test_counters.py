"""Counters in the database, shared by the instances of a deployment.

Two instances are two ZODB databases on one RelStorage (over SQLite here, as
over PostgreSQL in production): each polls the database and sees the other's
commits, as two Zope processes do. A second process is run too, for good
measure: nothing may hold in one process's memory only.
"""

from concurrent.futures import ThreadPoolExecutor
from mairie.policy import counters
from mairie.policy.interfaces import CountersUnavailable
from plone.dexterity.content import Container
from ZODB.POSException import POSKeyError
from zope.annotation.attribute import AttributeAnnotations
from zope.annotation.interfaces import IAnnotations
from zope.component import getGlobalSiteManager
from zope.component import provideAdapter

import logging
import pytest
import subprocess
import sys
import threading
import time
import transaction
import ZODB.config


SCOPE = "/commune/demarches/nous-contacter"
ADDRESS = "198.51.100.7"


def config(folder, read_only=False):
    return f"""
    %import relstorage
    <zodb>
      <relstorage>
        keep-history false
        read-only {"true" if read_only else "false"}
        <sqlite3>
          data-dir {folder}
        </sqlite3>
      </relstorage>
    </zodb>
    """


@pytest.fixture
def annotations():
    """Site annotations as Zope's configuration registers them (when no layer did)."""
    if IAnnotations(Container("probe"), None) is not None:
        yield
        return
    provideAdapter(AttributeAnnotations)
    yield
    getGlobalSiteManager().unregisterAdapter(AttributeAnnotations)


class Instance:
    """One instance's database, and the commune site as a connection of it sees it."""

    def __init__(self, folder, read_only=False):
        self.db = ZODB.config.databaseFromString(config(folder, read_only))
        self.manager = transaction.TransactionManager()
        self.connection = self.db.open(transaction_manager=self.manager)

    @property
    def site(self):
        self.manager.begin()
        return self.connection.root()["commune"]

    def close(self):
        self.manager.abort()
        self.connection.close()
        self.db.close()


@pytest.fixture
def database(tmp_path, annotations):
    folder = tmp_path / "relstorage"
    first = ZODB.config.databaseFromString(config(folder))
    with first.transaction() as connection:
        connection.root()["commune"] = Container("commune")
    first.close()
    return folder


@pytest.fixture
def instances(database):
    one, two = Instance(database), Instance(database)
    yield one, two
    one.close()
    two.close()


def stored(site):
    store = IAnnotations(site).get(counters.ANNOTATION)
    return dict(store.ends) if store is not None else {}


def test_a_limit_reached_on_one_instance_holds_on_the_other(instances):
    one, two = instances
    assert counters.take(one.site, SCOPE, ADDRESS, 2, 600)
    assert counters.take(one.site, SCOPE, ADDRESS, 2, 600)
    assert counters.take(two.site, SCOPE, ADDRESS, 2, 600) is None
    # Another visitor, another form: counted apart.
    assert counters.take(two.site, SCOPE, "203.0.113.9", 2, 600)
    assert counters.take(two.site, "/commune/rendez-vous", ADDRESS, 2, 600)


def test_a_captcha_answer_used_on_one_instance_is_refused_on_the_other(instances):
    one, two = instances
    # The field's once-only memory: a limit of one per solution, until it expires.
    assert counters.take(one.site, "altcha", "signature-de-la-solution", 1, 1200)
    assert counters.take(two.site, "altcha", "signature-de-la-solution", 1, 1200) is None
    assert counters.take(one.site, "altcha", "signature-de-la-solution", 1, 1200) is None


def test_another_process_sees_the_limit_and_the_used_answer(instances, database):
    one, _two = instances
    assert counters.take(one.site, SCOPE, ADDRESS, 1, 600)
    assert counters.take(one.site, "altcha", "signature", 1, 1200)
    script = f"""
import ZODB.config
from mairie.policy import counters
from zope.annotation.attribute import AttributeAnnotations
from zope.component import provideAdapter
provideAdapter(AttributeAnnotations)
db = ZODB.config.databaseFromString({config(database)!r})
site = db.open().root()["commune"]
print(counters.take(site, {SCOPE!r}, {ADDRESS!r}, 1, 600),
      counters.take(site, "altcha", "signature", 1, 1200),
      counters.take(site, {SCOPE!r}, "203.0.113.9", 1, 600) is not None)
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.stdout.split() == ["None", "None", "True"], done.stderr


def at_once(instances, addresses, limit):
    """One hit per address, all at the same instant, alternately on each instance."""
    start = threading.Barrier(len(addresses))

    def attempt(number):
        # Each thread has its own connection, as each request of an instance does.
        manager = transaction.TransactionManager()
        connection = instances[number % 2].db.open(transaction_manager=manager)
        try:
            site = connection.root()["commune"]
            start.wait()
            return counters.take(site, SCOPE, addresses[number], limit, 600)
        finally:
            manager.abort()
            connection.close()

    with ThreadPoolExecutor(max_workers=len(addresses)) as pool:
        return list(pool.map(attempt, range(len(addresses))))


def test_parallel_hits_on_both_instances_never_pass_the_limit(instances):
    taken = at_once(instances, [ADDRESS] * 20, 5)
    assert len([end for end in taken if end is not None]) == 5
    assert len(stored(instances[0].site)[(SCOPE, ADDRESS)]) == 5


def test_visitors_on_different_keys_all_pass_at_once(instances):
    taken = at_once(instances, [f"198.51.100.{number}" for number in range(20)], 1)
    assert None not in taken
    assert len(stored(instances[1].site)) == 20


def test_nothing_is_kept_beyond_the_window(instances):
    one, two = instances
    now = time.time()
    assert counters.take(one.site, SCOPE, ADDRESS, 1, 600, now=now)
    assert counters.take(one.site, SCOPE, ADDRESS, 1, 600, now=now + 599) is None
    assert counters.take(one.site, SCOPE, ADDRESS, 1, 600, now=now + 600)
    # Once a minute, any hit sweeps the entries whose hits are all over.
    later = now + 1200 + counters.SWEEP_EVERY
    assert counters.take(two.site, SCOPE, "203.0.113.9", 1, 600, now=later)
    assert list(stored(one.site)) == [(SCOPE, "203.0.113.9")]


def test_a_hit_counts_only_if_its_transaction_commits(instances):
    one, two = instances
    for outcome in ("abort", "commit"):
        manager = transaction.manager
        connection = one.db.open()  # on the thread's transaction, as a request's
        try:
            assert counters.hit(connection.root()["commune"], SCOPE, ADDRESS, 1, 600)
            getattr(manager, outcome)()
        finally:
            connection.close()
        if outcome == "abort":
            assert stored(two.site) == {}
    assert counters.take(two.site, SCOPE, ADDRESS, 1, 600) is None


def test_a_failed_commit_gives_the_hit_back(instances):
    one, two = instances
    connection = one.db.open()
    try:
        site = connection.root()["commune"]
        assert counters.hit(site, SCOPE, ADDRESS, 1, 600)
        site.title = "changée ici"
        other = two.site
        other.title = "changée ailleurs"
        two.manager.commit()
        with pytest.raises(transaction.interfaces.TransientError):
            transaction.commit()  # a conflict: Zope would replay the request
        transaction.abort()
    finally:
        connection.close()
    assert stored(two.site) == {}
    assert counters.take(two.site, SCOPE, ADDRESS, 1, 600)


def test_a_read_only_database_refuses_and_logs(database, annotations, caplog):
    instance = Instance(database, read_only=True)
    try:
        with caplog.at_level(logging.ERROR, logger="mairie.policy"):
            with pytest.raises(CountersUnavailable):
                counters.take(instance.site, SCOPE, ADDRESS, 5, 600)
    finally:
        instance.close()
    assert f"Counters of {SCOPE} unavailable" in caplog.text
    assert ADDRESS not in caplog.text  # the log tells no one's address


def test_a_broken_store_refuses(instances, monkeypatch):
    one, _two = instances
    assert counters.take(one.site, SCOPE, ADDRESS, 5, 600)

    def broken(self, now):
        raise POSKeyError(b"\0" * 8)

    monkeypatch.setattr(counters.Counters, "sweep", broken)
    with pytest.raises(CountersUnavailable):
        counters.take(one.site, SCOPE, ADDRESS, 5, 600)


def test_conflicts_that_keep_losing_refuse(instances, monkeypatch):
    one, two = instances
    assert counters.take(one.site, SCOPE, ADDRESS, 5, 600)
    real = counters.Counters.sweep

    def racing(self, now):
        # Another instance writes the same entry before each try commits.
        real(self, now)
        other = two.site
        store = IAnnotations(other)[counters.ANNOTATION]
        store.ends[(SCOPE, ADDRESS)] = (*store.ends[(SCOPE, ADDRESS)], now + 1)
        two.manager.commit()

    monkeypatch.setattr(counters.Counters, "sweep", racing)
    with pytest.raises(CountersUnavailable):
        counters.take(one.site, SCOPE, ADDRESS, 50, 600)
