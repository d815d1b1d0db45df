"""The demo content: council sessions with their acts, published."""

from mairie.policy.commune.loader import ProfileError
from mairie.policy.provisioning import demo
from mairie.policy.provisioning import site as provisioning
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.testing.zope import login
from zope.component.hooks import setSite

import pytest


@pytest.fixture
def demo_content(demo_profile_file):
    return demo.load(demo_profile_file.parent / "demo.yaml")


def test_demo_sessions_and_acts(app, demo_profile, agency, demo_content):
    login(app.acl_users, SITE_OWNER_NAME)
    site = provisioning.create(app, demo_profile, agency, demo=demo_content)
    try:
        sessions = [
            obj
            for obj in site["vie-municipale"]["seances"].objectValues()
            if obj.portal_type == "mairie.CouncilSession"
        ]
        assert len(sessions) == 3
        acts = site["vie-municipale"]["actes"].objectValues()
        assert sorted(act.number for act in acts) == [
            "2026-038",
            "2026-039",
            "2026-040",
            "2026-041",
            "2026-042",
            "2026-A-117",
        ]
        for act in acts:
            assert api.content.get_state(act) == "published"
            assert act.publication_datetime is not None
            assert len(act.sha256) == 64
        in_october = [act for act in acts if act.session == sessions[0].UID()]
        assert len(in_october) == 3
        csv = site["vie-municipale"]["actes"].restrictedTraverse("@@actes.csv")().decode("utf-8")
        assert "2026-038" in csv and "7.1" in csv
        assert "2026-A-117" not in csv  # the SCDL dataset holds deliberations only
    finally:
        setSite(None)


def test_bad_demo_file(tmp_path):
    path = tmp_path / "demo.yaml"
    path.write_text("sessions:\n  - start: demain\n")
    with pytest.raises(ProfileError) as raised:
        demo.load(path)
    fields = [problem.field for problem in raised.value.problems]
    assert "sessions[1].start" in fields
