"""« Rendez-vous : ANTS et SMS »: installed with mairie.rdv, in French, demo-safe defaults."""

from mairie.rdv.interfaces import IMairieRdvLayer
from mairie.rdv.settings.schema import integration_settings
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from zope.interface import alsoProvides


def test_defaults_keep_ants_off_and_sms_in_the_outbox(agenda):
    settings = integration_settings(agenda.aq_parent)
    assert not settings.ants_url and not settings.ants_token and not settings.hub_token
    assert settings.sms_enabled is False
    assert settings.sms_provider == "outbox"
    assert settings.ovh_endpoint == "ovh-eu"


def test_control_panel_in_french(agenda):
    portal = agenda.aq_parent
    configlets = portal.portal_controlpanel.listActions()
    assert "mairie-rdv-integrations" in [action.getId() for action in configlets]
    alsoProvides(portal.REQUEST, IMairieRdvLayer)
    setRoles(portal, TEST_USER_ID, ["Site Administrator"])
    html = portal.restrictedTraverse("@@rendez-vous-ants-sms")()
    assert "Rendez-vous : ANTS et SMS" in html
    assert "Jeton du moteur de recherche national" in html
    assert "Prestataire SMS" in html
