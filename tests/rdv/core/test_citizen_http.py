"""The citizen's pages over HTTP: service, slot, details, confirmation mail, cancel, move."""

from .http import authenticator
from .http import links
from .http import post_booking
from .http import text
from datetime import timedelta
from lxml import html
from mairie.policy import counters
from mairie.policy.acts.dates import now
from mairie.rdv.bookings import store
from urllib.parse import parse_qs
from urllib.parse import urlparse
from ZODB.POSException import ReadOnlyError

import pytest
import re
import requests
import transaction


def first_slot(agenda, motif="etat-civil", people=1):
    page = requests.get(
        f"{agenda.absolute_url()}/@@creneaux",
        params={"motif": motif, "personnes": people},
        timeout=60,
    )
    assert page.status_code == 200
    slots = links(page.text, "reserver")
    assert slots, text(page.text)
    return slots[0], page.text


def booking_form(url):
    page = requests.get(url, timeout=60)
    assert page.status_code == 200
    query = {key: values[0] for key, values in parse_qs(urlparse(url).query).items()}
    return page.text, query


def test_book_an_appointment(site, http_agenda, smtp):
    agenda = http_agenda
    start = requests.get(agenda.absolute_url(), timeout=60)
    assert start.status_code == 200
    assert "État civil" in start.text and 'name="motif"' in start.text

    url, slots_page = first_slot(agenda)
    # Each slot has an accessible name with the full date.
    assert " à " in re.search(r'@@reserver[^"]*" aria-label="([^"]+)"', slots_page).group(1)
    form, query = booking_form(url)
    assert "Vos données personnelles" in form
    response = post_booking(f"{agenda.absolute_url()}/@@reserver", query, authenticator(form))
    assert response.status_code == 303, text(response.text)
    manage = response.headers["Location"]
    assert "@@mon-rendez-vous?jeton=" in manage

    transaction.begin()
    [booking] = store(agenda).between(*_window(agenda))
    assert booking.token in manage and booking.id not in manage
    assert booking.phone == "+33612345678"
    page = requests.get(manage, timeout=60)
    assert "Votre rendez-vous est réservé" in text(page.text)

    [mail] = smtp.to("jeanne.martin@example.fr")
    assert "Rendez-vous confirmé" in mail.subject
    parts = {part.get_content_type(): part for part in mail.message.walk()}
    body = parts["text/plain"].get_payload(decode=True).decode("utf-8")
    assert manage.replace("&confirme=1", "") in body
    assert b"BEGIN:VEVENT" in parts["text/calendar"].get_payload(decode=True)


def _window(agenda):
    return now(), now() + timedelta(days=agenda.days_ahead + 1)


def _book(agenda, **fields):
    url, _page = first_slot(agenda)
    form, query = booking_form(url)
    response = post_booking(
        f"{agenda.absolute_url()}/@@reserver", query, authenticator(form), **fields
    )
    assert response.status_code == 303, text(response.text)
    return response.headers["Location"].replace("&confirme=1", "")


def test_cancel_by_token(site, http_agenda, smtp):
    agenda = http_agenda
    manage = _book(agenda)
    page = requests.get(manage, timeout=60).text
    token = parse_qs(urlparse(manage).query)["jeton"][0]
    cancel = {"_authenticator": authenticator(page), "jeton": token, "action": "annuler"}
    # The first tap asks, without JavaScript; nothing is cancelled yet.
    asked = requests.post(f"{agenda.absolute_url()}/@@mon-rendez-vous", data=cancel, timeout=60)
    assert "Annuler ce rendez-vous ?" in text(asked.text)
    assert 'name="confirmation" value="oui"' in asked.text
    assert re.search(r'id="rdv-cancel-confirm"[^>]*autofocus', asked.text)  # read out first
    transaction.begin()
    assert store(agenda).by_token(token).status == "booked"
    assert not any("annulé" in mail.subject for mail in smtp.to("jeanne.martin@example.fr"))
    response = requests.post(
        f"{agenda.absolute_url()}/@@mon-rendez-vous",
        data={**cancel, "confirmation": "oui"},
        timeout=60,
    )
    assert "Votre rendez-vous est annulé" in text(response.text)
    transaction.begin()
    assert store(agenda).by_token(token).status == "cancelled"
    assert any("annulé" in mail.subject for mail in smtp.to("jeanne.martin@example.fr"))
    # Once cancelled, no more cancel or move buttons.
    assert 'value="annuler"' not in requests.get(manage, timeout=60).text


def test_move_by_token(site, http_agenda, smtp):
    agenda = http_agenda
    manage = _book(agenda)
    token = parse_qs(urlparse(manage).query)["jeton"][0]
    transaction.begin()
    before = store(agenda).by_token(token).start
    slots = requests.get(f"{agenda.absolute_url()}/@@creneaux", params={"jeton": token}, timeout=60)
    choices = links(slots.text, "mon-rendez-vous")
    assert choices
    confirm = requests.get(choices[-1], timeout=60).text
    assert "Nouvel horaire" in text(confirm)
    debut = parse_qs(urlparse(choices[-1]).query)["debut"][0]
    response = requests.post(
        f"{agenda.absolute_url()}/@@mon-rendez-vous",
        data={
            "_authenticator": authenticator(confirm),
            "jeton": token,
            "action": "deplacer",
            "debut": debut,
        },
        timeout=60,
    )
    assert "Votre rendez-vous a été déplacé" in text(response.text)
    transaction.begin()
    booking = store(agenda).by_token(token)
    assert booking.start != before and booking.start.strftime("%Y-%m-%dT%H:%M") == debut
    assert any("déplacé" in mail.subject for mail in smtp.to("jeanne.martin@example.fr"))


def test_invalid_token(site, http_agenda):
    for token in ("", "pas-un-jeton", "x" * 500):
        response = requests.get(
            f"{http_agenda.absolute_url()}/@@mon-rendez-vous", params={"jeton": token}, timeout=60
        )
        assert response.status_code == 404
        assert "Rendez-vous introuvable" in text(response.text)


@pytest.mark.parametrize(
    "change, message",
    [
        ({"courriel": "jeanne@"}, "Cette adresse électronique n'est pas valide"),
        ({"telephone": "12 34"}, "n'est pas un numéro de téléphone"),
        ({"nom": ""}, "Indiquez votre nom."),
        ({"debut": "2020-01-07T09:00"}, "Ce créneau est déjà passé"),
        ({"debut": "hier"}, "Ce créneau n'est pas disponible"),
        ({"personnes": "9"}, "Le nombre de personnes doit être compris entre 1 et 2"),
        ({"motif": "inconnu"}, "Ce motif de rendez-vous n'existe pas"),
        ({"motif": "cni", "ants_1": "12-AB"}, "n'est pas un numéro de pré-demande"),
    ],
)
def test_bad_input_over_http(site, http_agenda, change, message):
    agenda = http_agenda
    url, _page = first_slot(agenda)
    form, query = booking_form(url)
    response = post_booking(
        f"{agenda.absolute_url()}/@@reserver", {**query, **change}, authenticator(form)
    )
    assert response.status_code == 200
    assert message in text(response.text)
    transaction.begin()
    assert list(store(agenda).between(*_window(agenda))) == []


@pytest.mark.parametrize(
    "number, message",
    [("12-AB", "n'est pas un numéro de pré-demande"), ("", "Indiquez le numéro de pré-demande.")],
)
def test_a_wrong_ants_number_is_shown_under_its_field(site, http_agenda, number, message):
    url, _page = first_slot(http_agenda)
    form, query = booking_form(url)
    response = post_booking(
        f"{http_agenda.absolute_url()}/@@reserver",
        {**query, "motif": "cni"},
        authenticator(form),
        ants_1=number,
        nom="",
    )
    page = html.fromstring(response.text)
    assert [a.get("href") for a in page.cssselect("#erreurs li a")] == ["#nom", "#ants_1"]
    field = page.get_element_by_id("ants_1")
    assert field.get("aria-invalid") == "true"
    assert field.get("aria-describedby") == "ants-aide ants_1-erreur"
    assert message in page.get_element_by_id("ants_1-erreur").text_content()


def test_full_slot_over_http(site, http_agenda):
    agenda = http_agenda
    url, _page = first_slot(agenda)
    form, query = booking_form(url)
    token = authenticator(form)
    target = f"{agenda.absolute_url()}/@@reserver"
    assert post_booking(target, query, token).status_code == 303
    response = post_booking(target, query, token, courriel="autre@example.fr")
    assert "Ce créneau vient d'être réservé" in text(response.text)
    transaction.begin()
    assert len(list(store(agenda).between(*_window(agenda)))) == 1


def test_a_robot_filling_the_hidden_field_books_nothing(site, http_agenda, smtp):
    agenda = http_agenda
    url, _page = first_slot(agenda)
    form, query = booking_form(url)
    assert 'name="site_web"' in form and 'tabindex="-1"' in form
    response = post_booking(
        f"{agenda.absolute_url()}/@@reserver",
        query,
        authenticator(form),
        site_web="https://promo.example.com",
    )
    assert response.status_code == 200
    assert "un champ qui doit rester vide a été rempli" in text(response.text)
    transaction.begin()
    assert list(store(agenda).between(*_window(agenda))) == []
    assert smtp.to("jeanne.martin@example.fr") == []


def test_too_many_bookings_from_one_connection(site, http_agenda):
    agenda = http_agenda
    agenda.max_per_address = 2
    transaction.commit()
    _book(agenda, courriel="un@example.fr")
    _book(agenda, courriel="deux@example.fr")

    url, _page = first_slot(agenda)
    form, query = booking_form(url)
    target = f"{agenda.absolute_url()}/@@reserver"
    refused = post_booking(target, query, authenticator(form), courriel="trois@example.fr")
    assert refused.status_code == 200
    assert "Trop de rendez-vous ont été pris depuis votre connexion" in text(refused.text)
    transaction.begin()
    assert len(list(store(agenda).between(*_window(agenda)))) == 2

    # Behind the agency's front every visitor comes through the same proxy: each is
    # counted by the address it forwards (the proxy on loopback is trusted).
    other = {"X-Forwarded-For": "198.51.100.7, 127.0.0.1"}
    response = post_booking(
        target, query, authenticator(form), headers=other, courriel="trois@example.fr"
    )
    assert response.status_code == 303, text(response.text)


def test_a_booking_that_fails_is_not_counted(site, http_agenda):
    agenda = http_agenda
    agenda.max_per_address = 1
    transaction.commit()
    url, _page = first_slot(agenda)
    form, query = booking_form(url)
    target = f"{agenda.absolute_url()}/@@reserver"
    # Someone else takes the slot between the form and the confirmation.
    other = {"X-Forwarded-For": "198.51.100.7, 127.0.0.1"}
    taken = post_booking(target, query, authenticator(form), headers=other, courriel="a@example.fr")
    assert taken.status_code == 303
    refused = post_booking(target, query, authenticator(form), courriel="b@example.fr")
    assert "Ce créneau vient d'être réservé" in text(refused.text)
    # That failure did not use the connection's one booking.
    _book(agenda, courriel="b@example.fr")


def test_a_database_that_cannot_count_refuses_the_booking(site, http_agenda, monkeypatch):
    agenda = http_agenda
    url, _page = first_slot(agenda)
    form, query = booking_form(url)

    def read_only(obj, change, attempts=3):
        raise ReadOnlyError()

    monkeypatch.setattr(counters, "apart", read_only)
    response = post_booking(f"{agenda.absolute_url()}/@@reserver", query, authenticator(form))
    assert response.status_code == 200
    assert "Le service est momentanément indisponible" in text(response.text)
    transaction.begin()
    assert list(store(agenda).between(*_window(agenda))) == []
