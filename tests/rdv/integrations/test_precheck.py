"""ANTS pre-application numbers checked before an identity-document booking."""

from .conftest import ANTS_TOKEN
from .conftest import configure_ants
from .conftest import status_answer
from freezegun import freeze_time
from lxml import html as lxml_html
from mairie.rdv.ants import client
from mairie.rdv.ants.precheck import check_applications
from mairie.rdv.settings.schema import integration_settings
from rdv.core.http import authenticator
from rdv.core.http import links
from rdv.core.http import post_booking
from urllib.parse import parse_qs
from urllib.parse import urlparse
from zope.i18n import translate

import requests
import time
import transaction


def french(messages):
    return [translate(message, target_language="fr") for message in messages]


def test_validated_numbers_may_book_with_one_call(agenda, ants):
    ants.expect_request(
        "/api/status",
        query_string="application_ids=ABCDE12345&application_ids=FGHIJ67890",
        headers={"x-rdv-opt-auth-token": ANTS_TOKEN},
    ).respond_with_json(status_answer(ABCDE12345="validated", FGHIJ67890="validated"))

    check = check_applications(agenda, [" abcde 12345", "FGHIJ67890"])

    assert check.problems == []
    assert check.existing == []
    assert len(ants.log) == 1


def test_refused_statuses_give_one_problem_per_number(agenda, ants):
    ants.expect_request("/api/status").respond_with_json(
        {
            "AAAAA11111": {"status": "consumed", "appointments": []},
            "BBBBB22222": {"status": "unknown", "appointments": []},
            "CCCCC33333": {"status": "expired", "appointments": []},
            # DDDDD44444 missing from the answer: unknown too.
        }
    )

    check = check_applications(agenda, ["AAAAA11111", "BBBBB22222", "CCCCC33333", "DDDDD44444"])

    problems = french(check.problems)
    assert len(problems) == 4
    assert "AAAAA11111" in problems[0] and "déjà été utilisée" in problems[0]
    assert "BBBBB22222" in problems[1] and "inconnue" in problems[1]
    assert "CCCCC33333" in problems[2] and "expiré" in problems[2]
    assert "DDDDD44444" in problems[3] and "inconnue" in problems[3]


def test_an_appointment_elsewhere_is_shown_with_its_link(agenda, ants):
    ants.expect_request("/api/status").respond_with_json(
        {
            "ABCDE12345": {
                "status": "declared",
                "appointments": [
                    {
                        "meeting_point": "Mairie de Voisin",
                        "appointment_date": "2027-03-29T09:30:00",
                        "management_url": "https://voisin.fr/rdv/42",
                    }
                ],
            }
        }
    )

    check = check_applications(agenda, ["ABCDE12345"])

    assert len(check.problems) == 1
    assert "a déjà un rendez-vous" in french(check.problems)[0]
    [existing] = check.existing
    assert existing.application_id == "ABCDE12345"
    assert existing.meeting_point == "Mairie de Voisin"
    assert existing.when == "lundi 29 mars 2027 à 9\u00a0h\u00a030"
    assert existing.management_url == "https://voisin.fr/rdv/42"


def test_bad_format_and_duplicates_are_refused_without_calling(agenda, ants):
    check = check_applications(agenda, ["ABC", "ABCDE1234É", "ABCDE12345", "abcde12345"])

    problems = french(check.problems)
    assert len(problems) == 3
    assert "« ABC » n'est pas un numéro de pré-demande" in problems[0]
    assert "ABCDE1234É" in problems[1]
    assert "ABCDE12345" in problems[2] and "deux fois" in problems[2]
    assert check_applications(agenda, []).problems
    assert ants.log == []


def test_timeout_blocks_the_booking(agenda, ants, monkeypatch):
    monkeypatch.setattr(client, "TIMEOUT", 0.3)

    def slow(request):
        time.sleep(1)

    ants.expect_request("/api/status").respond_with_handler(slow)

    check = check_applications(agenda, ["ABCDE12345"])

    [problem] = french(check.problems)
    assert "ne répond pas" in problem


def test_server_error_blocks_the_booking(agenda, ants):
    ants.expect_request("/api/status").respond_with_data("oops", status=500)
    assert len(check_applications(agenda, ["ABCDE12345"]).problems) == 1


def test_unconfigured_api_blocks_the_booking(agenda, httpserver):
    assert not integration_settings().ants_url
    [problem] = french(check_applications(agenda, ["ABCDE12345"]).problems)
    assert "ne répond pas" in problem
    assert httpserver.log == []


@freeze_time("2027-03-01 08:00:00+01:00")
def test_existing_date_with_offset_is_read_in_paris_time(agenda, ants):
    ants.expect_request("/api/status").respond_with_json(
        {
            "ABCDE12345": {
                "status": "validated",
                "appointments": [
                    {
                        "meeting_point": "Mairie",
                        "appointment_date": "2027-03-29T07:30:00Z",
                        "management_url": "https://x.fr",
                    }
                ],
            }
        }
    )
    [existing] = check_applications(agenda, ["ABCDE12345"]).existing
    assert existing.when == "lundi 29 mars 2027 à 9\u00a0h\u00a030"


def test_the_booking_form_lists_the_appointment_elsewhere_in_its_error_summary(
    http_agenda, httpserver
):
    configure_ants(http_agenda.aq_parent, httpserver)
    transaction.commit()
    httpserver.expect_request("/api/status").respond_with_json(
        {
            "ABCDE12345": {
                "status": "declared",
                "appointments": [
                    {
                        "meeting_point": "Mairie de Voisin",
                        "appointment_date": "2027-03-29T09:30:00",
                        "management_url": "https://voisin.fr/rdv/42",
                    }
                ],
            }
        }
    )
    slots = requests.get(
        f"{http_agenda.absolute_url()}/@@creneaux",
        params={"motif": "cni", "personnes": 1},
        timeout=60,
    ).text
    url = links(slots, "reserver")[0]
    query = {key: values[0] for key, values in parse_qs(urlparse(url).query).items()}
    form = requests.get(url, timeout=60).text
    answer = post_booking(
        f"{http_agenda.absolute_url()}/@@reserver", query, authenticator(form), ants_1="ABCDE12345"
    )

    summary = lxml_html.fromstring(answer.text).get_element_by_id("erreurs")
    assert summary.get("role") == "alert"
    assert "Le formulaire comporte 1 erreur" in summary.find("h2").text_content()
    assert "ABCDE12345" in summary.find("ul/li").text_content()
    assert summary.xpath(".//a[@href='https://voisin.fr/rdv/42']")
    assert "Mairie de Voisin" in summary.text_content()
