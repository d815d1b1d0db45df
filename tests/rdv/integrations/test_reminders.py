"""`mairie rdv-reminders` and `mairie rdv-recap`: sent once, the day before, across a DST change."""

from datetime import datetime
from freezegun import freeze_time
from mairie.policy.acts.dates import PARIS
from mairie.rdv.bookings import store
from mairie.rdv.reminders import rdv_sites
from mairie.rdv.reminders import run_recaps
from mairie.rdv.reminders import run_reminders
from mairie.rdv.settings.schema import integration_settings
from mairie.rdv.sms.outbox import sent_messages
from plone import api
from policy.sve.smtp import SMTPServer
from zope.component.hooks import setSite

import pytest
import transaction


# 28 March 2027: clocks go forward at 02:00 in Paris. 29 March is Easter Monday.
MONDAY_9 = PARIS.localize(datetime(2027, 3, 29, 9, 0))


@pytest.fixture
def smtp():
    server = SMTPServer()
    yield server
    server.stop()


@pytest.fixture
def site(http_agenda, smtp, tmp_path):
    portal = http_agenda.aq_parent
    setSite(portal)
    smtp.receive_from(portal, tmp_path / "mailqueue")
    http_agenda.open_on_public_holidays = True
    api.user.create(
        email="agent@mairie.example", username="agent1", password="un-mot-de-passe-long-1"
    )
    http_agenda["guichet-1"].agents = ["agent1"]
    http_agenda.notification_email = "accueil@mairie.example"
    booking = book(
        http_agenda, MONDAY_9, "anne@example.fr", now=PARIS.localize(datetime(2027, 3, 20, 10, 0))
    )
    book(
        http_agenda,
        PARIS.localize(datetime(2027, 3, 30, 9, 0)),
        "paul@example.fr",
        now=PARIS.localize(datetime(2027, 3, 20, 10, 0)),
    )
    transaction.commit()
    return portal, http_agenda, booking


def book(agenda, start, email, now):
    return store(agenda).book(
        agenda["etat-civil"],
        "guichet-1",
        start,
        1,
        "Martin",
        "Anne",
        email,
        "06 12 34 56 78",
        by="agent1",
        now=now,
    )


def test_reminder_the_day_before_across_the_dst_change(site, smtp):
    portal, agenda, booking = site
    integration_settings(portal).sms_enabled = True
    transaction.commit()

    with freeze_time("2027-03-27 23:30:00+01:00"):  # two days before, late evening
        assert run_reminders([portal]) == (0, 0, 0)
    with freeze_time("2027-03-28 00:30:00+01:00"):  # the day before, before the change
        assert run_reminders([portal]) == (1, 1, 0)
    with freeze_time(
        "2027-03-28 18:00:00+02:00"
    ):  # the day before, after the change: nothing twice
        assert run_reminders([portal]) == (0, 0, 0)

    [mail] = smtp.to("anne@example.fr")
    assert mail.subject == "Rappel : votre rendez-vous du lundi 29 mars 2027 à 9\u00a0h\u00a000"
    assert "Bonjour Anne Martin" in mail.body
    assert "@@mon-rendez-vous?jeton=" in mail.body
    assert smtp.to("paul@example.fr") == []
    transaction.begin()
    assert store(agenda).get(booking.id).reminded is not None
    [sms] = sent_messages(portal)
    assert sms["phone"] == "+33612345678"
    assert sms["text"].startswith("Rappel : État civil à la mairie le lundi 29 mars 2027 à 9 h 00.")


def test_no_sms_without_the_option(site, smtp):
    portal, _agenda, _booking = site
    with freeze_time("2027-03-28 18:00:00+02:00"):
        assert run_reminders([portal]) == (1, 0, 0)
    assert sent_messages(portal) == []


def test_cancelled_bookings_are_not_reminded(site, smtp):
    portal, agenda, booking = site
    store(agenda).cancel(booking, by="agent1")
    transaction.commit()
    with freeze_time("2027-03-28 18:00:00+02:00"):
        assert run_reminders([portal]) == (0, 0, 0)


def test_recap_once_per_counter_and_day_and_purge(site, smtp):
    portal, agenda, _booking = site
    old = book(
        agenda,
        PARIS.localize(datetime(2027, 2, 15, 10, 0)),
        "old@example.fr",
        now=PARIS.localize(datetime(2027, 2, 1, 10, 0)),
    )
    transaction.commit()

    with freeze_time("2027-03-28 19:00:00+02:00"):
        assert run_recaps([portal]) == (2, 1)
        assert run_recaps([portal]) == (0, 0)

    [mail] = smtp.to("agent@mairie.example")
    assert mail.subject == "guichet-1 : rendez-vous du lundi 29 mars 2027"
    assert "1 rendez-vous le lundi 29 mars 2027" in mail.body
    assert "9\u00a0h\u00a000 – État civil – Anne Martin (1 personne)" in mail.body
    assert "anne@example.fr" not in mail.body and "06 12" not in mail.body
    assert len(smtp.to("accueil@mairie.example")) == 1
    transaction.begin()
    assert store(agenda).get(old.id) is None

    with freeze_time("2027-03-29 19:00:00+02:00"):  # the next day: Tuesday's list
        assert run_recaps([portal]).mails == 2


def test_only_sites_with_mairie_rdv(site, functional):
    portal, _agenda, _booking = site
    assert list(rdv_sites(functional["app"])) == [portal]


def test_summaries_are_french():
    from mairie.rdv.reminders import Recapped
    from mairie.rdv.reminders import Reminded

    assert (
        Reminded(2, 1, 0).summary()
        == "rappels par courriel : 2 ; par SMS : 1 ; appels à l'ANTS refaits : 0"
    )
    assert (
        Recapped(3, 4).summary()
        == "courriels de liste aux agents : 3 ; rendez-vous passés supprimés : 4"
    )
