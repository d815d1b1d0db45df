import os


# Before zope.i18n is imported: compile the French .mo files (not in git),
# as the instances' zope.conf asks Zope to do.
os.environ["zope_i18n_compile_mo_files"] = "true"
os.environ["TZ"] = "Europe/Paris"
# Mail queues are delivered by the tests themselves (mairie.policy.mailqueue.flush),
# not by a background thread per queue; one test starts the thread on purpose.
os.environ["MAILHOST_QUEUE_ONLY"] = "1"

from mairie.policy.testing import FUNCTIONAL_TESTING  # noqa: E402
from mairie.policy.testing import INTEGRATION_TESTING  # noqa: E402
from paths import AGENCY_FILE  # noqa: E402
from paths import DEMO_PROFILE  # noqa: E402
from pytest_plone import fixtures_factory  # noqa: E402

import freezegun  # noqa: E402
import pytest  # noqa: E402
import yaml  # noqa: E402


# The tests' web server (waitress) keeps real time while a test freezes it. freezegun
# gives real time only to calls within 5 frames of a thread's start, so the server's
# idle-connection sweep compared real and frozen times and closed connections at random.
freezegun.configure(extend_ignore_list=["waitress"])

pytest_plugins = ["pytest_plone", "browser", "mailserver"]

globals().update(
    fixtures_factory(
        (
            (FUNCTIONAL_TESTING, "functional"),
            (INTEGRATION_TESTING, "integration"),
        )
    )
)


# The slow kinds (markers in pyproject.toml) a fixture implies, so that no test can forget
# its marker: `make test-quick` leaves them out.
MARKERS_BY_FIXTURE = {"chromium": "browser"}


def pytest_collection_modifyitems(items):
    for item in items:
        for fixture, marker in MARKERS_BY_FIXTURE.items():
            if fixture in getattr(item, "fixturenames", ()):
                item.add_marker(marker)


@pytest.fixture(scope="session", autouse=True)
def client_home(tmp_path_factory):
    """Zope's var directory (mail queues) in a temporary folder, not in the virtualenv."""
    from App.config import getConfiguration

    config = getConfiguration()
    before = config.clienthome
    config.clienthome = str(tmp_path_factory.mktemp("var"))
    yield config.clienthome
    config.clienthome = before


@pytest.fixture
def agency():
    from mairie.policy.commune.loader import load_agency

    return load_agency(AGENCY_FILE)


@pytest.fixture
def demo_profile(agency):
    from mairie.policy.commune.loader import load_profile

    return load_profile(DEMO_PROFILE, agency)


@pytest.fixture
def commune(app, demo_profile, agency):
    """The demo profile's commune, bare (no demo content), made in the integration layer.

    Provisioning runs as a Zope manager, as the mairie command does; the new site is the
    current one during the test. Tests that need the demo content, or the site served
    over HTTP, have fixtures of their own, named for what they add.
    """
    from mairie.policy.provisioning import site as provisioning
    from plone.app.testing import SITE_OWNER_NAME
    from plone.testing.zope import login
    from zope.component.hooks import setSite

    login(app.acl_users, SITE_OWNER_NAME)
    site = provisioning.create(app, demo_profile, agency)
    yield site
    setSite(None)


@pytest.fixture
def write_profile(tmp_path):
    """Write the demo profile, changed by a function, where a test can break it.

    File paths stay those of the demo folder, so only what the test changes
    is wrong.
    """

    def write(change=lambda data: None, name="commune.yaml"):
        data = yaml.safe_load(DEMO_PROFILE.read_text(encoding="utf-8"))
        _absolute_paths(data)
        change(data)
        path = tmp_path / name
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        return path

    return write


def _absolute_paths(data):
    base = DEMO_PROFILE.parent
    identity = data["identity"]
    for key in ("logo", "coat_of_arms", "favicon"):
        identity[key] = str(base / identity[key])
    identity["header_images"] = [str(base / path) for path in identity["header_images"]]
    for documents in data["documents"].values():
        for document in documents:
            document["file"] = str(base / document["file"])
            if "cover" in document:
                document["cover"] = str(base / document["cover"])


@pytest.fixture
def agency_file():
    return AGENCY_FILE


@pytest.fixture
def demo_profile_file():
    return DEMO_PROFILE
