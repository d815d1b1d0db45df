"""The mobile app and open-data users read the council and the bulletins anonymously."""

from mairie.policy.bulletins.provisioning import sync_bulletins
from mairie.policy.council.provisioning import sync_members
from plone import api
from types import SimpleNamespace
from zope.component.hooks import setSite

import transaction


def test_council_and_bulletins_read_anonymously(functional, anon_request, demo_profile):
    portal = functional["portal"]
    setSite(portal)
    with api.env.adopt_roles(["Manager"]):
        council = api.content.create(
            container=portal, type="mairie.Council", id="conseil", title="Conseil"
        )
        bulletins = api.content.create(
            container=portal, type="mairie.Bulletins", id="bulletins", title="Bulletins"
        )
        for folder in (council, bulletins):
            api.content.transition(obj=folder, transition="publish")
        mayor = SimpleNamespace(first_name="Catherine", last_name="Morvan")
        sync_members(council, mayor, demo_profile.council.deputies)
        sync_bulletins(bulletins, demo_profile.documents.bulletins[:1])
    transaction.commit()

    member = anon_request.get("/conseil/catherine-morvan").json()
    assert member["@type"] == "mairie.CouncilMember"
    assert (member["first_name"], member["last_name"]) == ("Catherine", "Morvan")
    assert member["role"]["token"] == "maire"
    listing = anon_request.get("/conseil").json()
    assert len(listing["items"]) == 6

    issue = anon_request.get("/bulletins/bulletin-42").json()
    assert issue["@type"] == "mairie.Bulletin"
    assert issue["number"] == 42
    assert issue["issue_date"] == "2026-04-02"
    assert issue["file"]["content-type"] == "application/pdf"
