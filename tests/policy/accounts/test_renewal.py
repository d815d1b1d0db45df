"""An administrator's password past its maximum age is renewed before anything else."""

from .accounts import accounts
from .accounts import login
from .accounts import NEW_PASSWORD
from .accounts import PASSWORD
from .accounts import set_rules
from .accounts import submit_password_form
from datetime import datetime
from datetime import timedelta
from freezegun import freeze_time
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

import requests
import transaction


CHANGED = datetime.fromisoformat("2027-01-10T09:00:00+00:00")


def renew(site, session):
    return submit_password_form(site, session, "@@forced-password-change", PASSWORD, NEW_PASSWORD)


def test_expired_password_is_renewed_first(site, smtp):
    set_rules(totp_required_roles=(), password_max_age_admins=365)
    with freeze_time(CHANGED) as clock:
        plugin = accounts()
        for name in ("maire", "agent"):
            plugin.set_password_changed(name)
        transaction.commit()
        overview = f"{site.absolute_url()}/@@overview-controlpanel"

        clock.move_to(CHANGED + timedelta(days=364))
        session, response = login(site, "maire", PASSWORD)
        assert "__ac" in session.cookies
        assert not response.url.endswith("forced-password-change")

        clock.move_to(CHANGED + timedelta(days=365, hours=1))
        session, response = login(site, "maire", PASSWORD)
        assert response.url.endswith("@@forced-password-change")
        # Every other page leads back to the renewal while it is not done.
        assert session.get(overview, timeout=30).url.endswith("@@forced-password-change")

        renewed = renew(site, session)
        assert renewed.ok
        assert accounts().password_changed("maire") == CHANGED + timedelta(days=365, hours=1)
        answer = session.get(overview, timeout=30)
        assert answer.ok
        assert answer.url == overview
        assert len(smtp.to("maire@example.net")) == 1
        # The agency's Zope accounts, at the root, are none of this policy's business.
        root = site.aq_parent.absolute_url()
        assert requests.get(
            f"{root}/manage_main", auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD), timeout=30
        ).ok

        # Other accounts have no maximum age by default.
        clock.move_to(CHANGED + timedelta(days=800))
        session, response = login(site, "agent", PASSWORD)
        assert "__ac" in session.cookies
        assert not response.url.endswith("forced-password-change")
