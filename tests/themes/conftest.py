from mairie.policy.provisioning import site as provisioning
from mairie.policy.provisioning.demo import load
from plone.app.testing import SITE_OWNER_NAME
from plone.testing.zope import login
from zope.component.hooks import setSite

import pytest
import transaction


DEMO_CONTENT = "examples/saint-aubin-sur-loire/demo.yaml"


def provision(functional, demo_profile, agency, demo=None):
    """Create the demo commune, served on ``localhost`` (127.0.0.1 is never themed)."""
    app = functional["app"]
    login(app.acl_users, SITE_OWNER_NAME)
    site = provisioning.create(app, demo_profile, agency, demo)
    setSite(None)
    transaction.commit()
    url = f"http://{functional['host']}:{functional['port']}/{site.getId()}"
    return {"site": site, "url": url, "app": app}


@pytest.fixture
def commune(functional, demo_profile, agency):
    return provision(functional, demo_profile, agency)


@pytest.fixture
def demo_commune(functional, demo_profile, agency, pytestconfig):
    """The demo commune with its demo content (news, events, sessions, acts)."""
    return provision(functional, demo_profile, agency, load(pytestconfig.rootpath / DEMO_CONTENT))
