"""The ready-made forms: created once, with the notice and the commune's contact."""

from mairie.policy.sve import agents
from mairie.policy.sve.provisioning import ensure_forms
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID


def test_ready_made_forms_are_created_once(portal, demo_profile):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    portal.portal_workflow.setDefaultChain("simple_publication_workflow")
    folder = api.content.create(container=portal, type="Folder", id="demarches")
    ensure_forms(folder, demo_profile)
    folder["nous-contacter"].title = "Écrire à la mairie"
    ensure_forms(folder, demo_profile)
    assert folder.objectIds() == ["nous-contacter", "donnees-personnelles", "faire-une-demande"]
    assert folder["nous-contacter"].title == "Écrire à la mairie"
    for form in folder.objectValues():
        assert api.content.get_state(form) == "published"
        action = agents.sve_action(form)
        assert action.recipients == [str(demo_profile.emails.contact)]
        assert action.service_email == str(demo_profile.emails.contact)
        page = form.restrictedTraverse("@@view")()  # the notice is shown under the form
        assert "CNIL" in page
        assert f"{action.retention_months} " in form.formEpilogue.output
    rights = folder["donnees-personnelles"]
    assert "one month" in rights.description or "un mois" in rights.description
    assert agents.sve_action(folder["faire-une-demande"]).manual_review
