"""Text messages: numbers normalised, the outbox (default) and its page, OVHcloud's API faked."""

from mairie.policy.phone import normalize_phone
from mairie.policy.phone import PhoneError
from mairie.rdv.interfaces import IMairieRdvLayer
from mairie.rdv.settings.schema import integration_settings
from mairie.rdv.settings.schema import IRdvIntegrationSettings
from mairie.rdv.sms import gateway
from mairie.rdv.sms import SmsError
from mairie.rdv.sms.outbox import OutboxGateway
from mairie.rdv.sms.outbox import purge_outbox
from mairie.rdv.sms.outbox import sent_messages
from mairie.rdv.sms.ovhcloud import OvhGateway
from mairie.rdv.sms.phone import is_mobile
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from zope.i18n import translate
from zope.interface import alsoProvides
from zope.interface import Invalid

import json
import ovh
import pytest
import time


@pytest.mark.parametrize(
    "written",
    [
        "06 12 34 56 78",
        "06.12.34.56.78",
        "+33 6 12 34 56 78",
        "0033612345678",
        "+33 (0)6 12 34 56 78",
    ],
)
def test_french_numbers_are_normalised(written):
    assert normalize_phone(written) == "+33612345678"


@pytest.mark.parametrize(
    "written", ["", "12", "0612", "06 12 34 56 78 9", "abcdefghij", "+33 6 12"]
)
def test_invalid_numbers_get_a_french_message(written):
    with pytest.raises(PhoneError) as error:
        normalize_phone(written)
    assert "n'est pas un numéro de téléphone" in translate(
        error.value.message, target_language="fr"
    )


def test_landlines_are_not_mobiles():
    assert is_mobile("+33712345678")
    assert not is_mobile(normalize_phone("02 38 12 34 56"))


def test_outbox_is_the_default_and_keeps_messages(agenda):
    portal = agenda.aq_parent
    outbox = gateway(portal)
    assert isinstance(outbox, OutboxGateway)
    outbox.send("06 12 34 56 78", "Rappel : rendez-vous demain")
    outbox.send("07 00 00 00 01", "Second message")
    with pytest.raises(PhoneError):
        outbox.send("pas un numéro", "jamais stocké")

    messages = sent_messages(portal)
    assert [message["phone"] for message in messages] == ["+33700000001", "+33612345678"]
    assert messages[1]["text"] == "Rappel : rendez-vous demain"

    setRoles(portal, TEST_USER_ID, ["Reception Agent"])
    alsoProvides(portal.REQUEST, IMairieRdvLayer)
    page = portal.restrictedTraverse("@@sms-envoyes")()
    assert "<caption>" in page and 'scope="col"' in page
    assert "Rappel : rendez-vous demain" in page and "+33612345678" in page

    assert purge_outbox(portal, messages[0]["when"]) == 0
    assert purge_outbox(portal, messages[0]["when"].replace(year=messages[0]["when"].year + 1)) == 2
    assert sent_messages(portal) == []


@pytest.fixture
def ovh_api(httpserver, monkeypatch):
    """OVHcloud's API on the local fake server: the ``ovh`` client only knows named
    regions, so the test adds one to its table."""
    monkeypatch.setitem(ovh.client.ENDPOINTS, "fake-eu", httpserver.url_for("/1.0"))
    httpserver.expect_request("/1.0/auth/time").respond_with_data(str(int(time.time())))
    return httpserver


def test_ovh_gateway_sends_a_signed_job(agenda, ovh_api):
    ovh_api.expect_request("/1.0/sms/sms-ab12345-1/jobs", method="POST").respond_with_json(
        {
            "ids": [1],
            "validReceivers": ["+33612345678"],
            "invalidReceivers": [],
            "totalCreditsRemoved": 1,
        }
    )
    settings = integration_settings(agenda.aq_parent)
    settings.sms_provider = "ovh"
    settings.ovh_endpoint = "fake-eu"
    settings.ovh_application_key = "app-key"
    settings.ovh_application_secret = "app-secret"
    settings.ovh_consumer_key = "consumer-key"
    settings.ovh_service_name = "sms-ab12345-1"
    settings.ovh_sender = "MAIRIE"

    sms = gateway(agenda.aq_parent)
    assert isinstance(sms, OvhGateway)
    sms.send("06 12 34 56 78", "Rappel")

    request = ovh_api.log[-1][0]
    assert request.headers["X-Ovh-Application"] == "app-key"
    assert request.headers["X-Ovh-Consumer"] == "consumer-key"
    assert request.headers["X-Ovh-Signature"].startswith("$1$")
    job = json.loads(request.data)
    assert job["receivers"] == ["+33612345678"]
    assert job["message"] == "Rappel"
    assert job["sender"] == "MAIRIE"
    assert job["noStopClause"] is True
    assert [entry[0].path for entry in ovh_api.log] == [
        "/1.0/auth/time",
        "/1.0/sms/sms-ab12345-1/jobs",
    ]


def test_ovh_refusals_raise_sms_error(ovh_api):
    ovh_api.expect_request("/1.0/sms/sms-x/jobs", method="POST").respond_with_json(
        {"message": "Invalid signature", "errorCode": "INVALID_SIGNATURE"}, status=400
    )
    sms = OvhGateway("fake-eu", "k", "s", "c", "sms-x")
    with pytest.raises(SmsError):
        sms.send("0612345678", "Rappel")


def test_ovh_invalid_receiver_raises_sms_error(ovh_api):
    ovh_api.expect_request("/1.0/sms/sms-x/jobs", method="POST").respond_with_json(
        {"ids": [], "validReceivers": [], "invalidReceivers": ["+33612345678"]}
    )
    with pytest.raises(SmsError):
        OvhGateway("fake-eu", "k", "s", "c", "sms-x").send("0612345678", "Rappel")


def test_unknown_ovh_region_is_refused_in_settings():
    with pytest.raises(Invalid) as error:
        IRdvIntegrationSettings["ovh_endpoint"].validate("https://evil.example")
    assert "Région OVHcloud inconnue" in translate(error.value.args[0], target_language="fr")
