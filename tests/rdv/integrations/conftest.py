"""The ANTS coordination API as a local fake (pytest-httpserver), and settings to reach it."""

from mairie.rdv.settings.schema import integration_settings

import pytest


ANTS_TOKEN = "jeton-ants-de-test"
HUB_TOKEN = "jeton-du-moteur-national"


def configure_ants(portal, httpserver, **extra):
    settings = integration_settings(portal)
    settings.ants_url = httpserver.url_for("/api")
    settings.ants_token = ANTS_TOKEN
    settings.hub_token = HUB_TOKEN
    settings.meeting_point_id = "45999"
    settings.meeting_point_name = "Mairie de Saint-Test"
    settings.meeting_point_latitude = 47.9
    settings.meeting_point_longitude = 1.9
    for name, value in extra.items():
        setattr(settings, name, value)
    return settings


@pytest.fixture
def ants(agenda, httpserver):
    """The integration agenda, with the ANTS API pointing at the fake server."""
    configure_ants(agenda.aq_parent, httpserver)
    return httpserver


def status_answer(**statuses):
    """The fake /status answer: {id: {"status": …, "appointments": []}}."""
    return {number: {"status": status, "appointments": []} for number, status in statuses.items()}
