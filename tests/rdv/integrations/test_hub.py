"""The national search engine's three endpoints, over HTTP, as an anonymous caller."""

from .ants_models import Application
from .ants_models import AvailableTimeSlot
from .ants_models import MeetingPoint
from .ants_models import shown_hour
from .conftest import configure_ants
from .conftest import HUB_TOKEN
from datetime import datetime
from datetime import time
from datetime import timedelta
from mairie.policy.acts.dates import now as paris_now
from mairie.policy.acts.dates import PARIS
from mairie.rdv.bookings import management_url
from mairie.rdv.bookings import store
from urllib.parse import parse_qs
from urllib.parse import urlparse

import pytest
import re
import requests
import transaction


@pytest.fixture
def hub(http_agenda, httpserver):
    portal = http_agenda.aq_parent
    configure_ants(portal, httpserver)
    transaction.commit()
    return f"{portal.absolute_url()}/@@ants"


def get(url, token=HUB_TOKEN, **params):
    headers = {"X-HUB-RDV-AUTH-TOKEN": token} if token is not None else {}
    return requests.get(url, params=params, headers=headers, timeout=30)


def next_week():
    """Monday to Friday of the week after next (inside the default 60-day window)."""
    today = paris_now().date()
    monday = today + timedelta(days=14 - today.weekday())
    return monday, monday + timedelta(days=4)


def test_a_missing_or_wrong_token_gets_401(hub):
    for token in (None, "", "mauvais-jeton", HUB_TOKEN + "x"):
        response = get(f"{hub}/getManagedMeetingPoints", token=token)
        assert response.status_code == 401
        assert response.json()["error"]["code"] == 401


def test_no_hub_token_set_keeps_the_endpoints_closed(hub, http_agenda):
    from mairie.rdv.settings.schema import integration_settings

    integration_settings(http_agenda.aq_parent).hub_token = ""
    transaction.commit()
    assert get(f"{hub}/getManagedMeetingPoints", token="").status_code == 401


def test_managed_meeting_points(hub):
    response = get(f"{hub}/getManagedMeetingPoints")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/json")
    [point] = response.json()
    MeetingPoint.model_validate(point)
    assert point["id"] == "45999"
    assert point["name"] == "Mairie de Saint-Test"
    assert point["latitude"] == 47.9 and point["longitude"] == 1.9
    assert set(point) >= {"public_entry_address", "zip_code", "city_name"}


def test_meeting_point_falls_back_to_the_mairies_coordinates(hub, http_agenda, httpserver):
    portal = http_agenda.aq_parent
    configure_ants(portal, httpserver, meeting_point_latitude=None)
    registry = portal.portal_registry
    registry["mairie.commune.address_latitude"] = 47.3925
    registry["mairie.commune.address_longitude"] = -0.742
    transaction.commit()
    [point] = get(f"{hub}/getManagedMeetingPoints").json()
    MeetingPoint.model_validate(point)
    assert (point["latitude"], point["longitude"]) == (47.3925, -0.742)


def test_a_meeting_point_without_coordinates_is_left_out(hub, http_agenda, httpserver):
    """The ANTS would drop it: it is left out, and so are its slots."""
    configure_ants(http_agenda.aq_parent, httpserver, meeting_point_latitude=None)
    transaction.commit()
    assert get(f"{hub}/getManagedMeetingPoints").json() == []
    monday, friday = next_week()
    slots = get(
        f"{hub}/availableTimeSlots",
        meeting_point_ids="45999",
        start_date=str(monday),
        end_date=str(friday),
        reason="CNI",
    )
    assert slots.json() == {}


def test_available_time_slots(hub, http_agenda):
    monday, friday = next_week()
    response = requests.get(
        f"{hub}/availableTimeSlots"
        f"?meeting_point_ids=45999&meeting_point_ids=12345&start_date={monday}&end_date={friday}"
        "&reason=CNI&documents_number=2",
        headers={"X-HUB-RDV-AUTH-TOKEN": HUB_TOKEN},
        timeout=30,
    )
    assert response.status_code == 200
    answer = response.json()
    assert list(answer) == ["45999"]
    slots = answer["45999"]
    assert slots
    for slot in slots:
        AvailableTimeSlot.model_validate(slot)
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\dZ", slot["datetime"])
    # Two documents: 40 minutes from 09:00 Paris, which the ANTS shows as 09:00 (not 08:00 UTC).
    assert slots[0]["datetime"] == f"{monday.isoformat()}T09:00Z"
    assert shown_hour(slots[0]["datetime"]) == datetime.combine(monday, time(9))
    assert shown_hour(slots[1]["datetime"]) == datetime.combine(monday, time(9, 40))
    callback = urlparse(slots[0]["callback_url"])
    assert callback.path == urlparse(http_agenda.absolute_url()).path + "/@@reserver"
    assert parse_qs(callback.query) == {
        "motif": ["cni"],
        "personnes": ["2"],
        "debut": [f"{monday.isoformat()}T09:00"],
    }
    # The citizen lands on the form with the slot chosen.
    page = requests.get(slots[0]["callback_url"], timeout=30)
    assert page.status_code == 200


def test_available_time_slots_bad_requests(hub):
    monday, friday = next_week()
    base = {"meeting_point_ids": "45999", "start_date": str(monday), "end_date": str(friday)}
    assert get(f"{hub}/availableTimeSlots", **base, reason="PERMIS").status_code == 400
    assert get(f"{hub}/availableTimeSlots", **base).status_code == 400
    swapped = dict(base, start_date=str(friday), end_date=str(monday))
    assert get(f"{hub}/availableTimeSlots", **swapped, reason="CNI").status_code == 400
    assert (
        get(
            f"{hub}/availableTimeSlots", **dict(base, start_date="29/03/2027"), reason="CNI"
        ).status_code
        == 400
    )
    assert (
        get(f"{hub}/availableTimeSlots", **base, reason="CNI", documents_number="deux").status_code
        == 400
    )
    # No service for passports here: an empty list, not an error.
    assert get(f"{hub}/availableTimeSlots", **base, reason="PASSPORT").json() == {"45999": []}


def test_search_application_ids(hub, http_agenda):
    monday, _friday = next_week()
    start = PARIS.localize(datetime.combine(monday, time(10)))
    booking = store(http_agenda).book(
        http_agenda["cni"],
        "guichet-1",
        start,
        1,
        "Martin",
        "Anne",
        "anne@example.fr",
        "0612345678",
        application_ids=("ABCDE12345",),
        by="agent",
    )
    transaction.commit()

    # Repeated (as the ANTS sends them), comma-separated, or both.
    for query in (
        "application_ids=ABCDE12345&application_ids=ZZZZZ99999",
        "application_ids=ABCDE12345,ZZZZZ99999",
        "application_ids=abcde12345,%20ZZZZZ99999&application_ids=ABCDE12345",
    ):
        response = requests.get(
            f"{hub}/searchApplicationIds?{query}",
            headers={"X-HUB-RDV-AUTH-TOKEN": HUB_TOKEN},
            timeout=30,
        )
        assert response.status_code == 200
        answer = response.json()
        assert list(answer) == ["ABCDE12345", "ZZZZZ99999"]
        assert answer["ZZZZZ99999"] == []
        [found] = answer["ABCDE12345"]
        Application.model_validate(found)
        assert found["meeting_point"] == "Mairie de Saint-Test"
        assert found["datetime"] == f"{monday.isoformat()}T10:00Z"
        assert shown_hour(found["datetime"]) == start.replace(tzinfo=None)
        assert found["management_url"] == management_url(http_agenda, booking)


def test_unknown_endpoint_is_404(hub):
    assert get(f"{hub}/deleteEverything").status_code == 404


def test_back_office_rules_do_not_block_the_hub(hub, http_agenda):
    """A commune with a secret login path and an IP allowlist: the hub is a public address."""
    registry = http_agenda.aq_parent.portal_registry
    registry["mairie.commune.login_path"] = "porte-secrete-des-agents"
    registry["mairie.commune.admin_ip_allowlist"] = ("10.9.9.0/24",)
    transaction.commit()
    assert get(f"{hub}/getManagedMeetingPoints").status_code == 200
    assert get(f"{hub}/getManagedMeetingPoints", token="faux").status_code == 401
