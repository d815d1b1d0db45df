"""A request sent through the web form: stored first, numbered, timestamped, acknowledged."""

from .forms import configure
from .forms import fr
from .forms import submit
from datetime import datetime
from deployment import closed_port
from mairie.policy import _
from mairie.policy import mailqueue
from mairie.policy.sve.honeypot import HoneypotFilled
from mairie.policy.sve.records import all_requests
from pathlib import Path
from plone import api
from plone.schema.email import InvalidEmail
from zoneinfo import ZoneInfo
from zope.schema.interfaces import RequiredMissing

import logging
import os
import requests
import time
import transaction


PARIS = ZoneInfo("Europe/Paris")


RATE_LIMITED = (
    "Too many requests were sent from your connection in the last "
    "minutes. Please try again in 10 minutes."
)


def too_large(size):
    return _(
        "error_sve_file_too_large",
        default="This file is too large: ${size} MB at most.",
        mapping={"size": size},
    )


def requests_in(form):
    transaction.begin()
    return all_requests(form)


def test_a_request_is_stored_numbered_and_acknowledged(site, smtp, demo_profile):
    form = site["demarches"]["nous-contacter"]
    before = datetime.now(PARIS).replace(microsecond=0)
    page = submit(form.absolute_url())
    [record] = requests_in(form)
    year = datetime.now(PARIS).year
    assert record.number == f"CONTACT-{year}-000001"
    assert record.number in page
    assert 'id="form-widgets-website"' not in page  # the honeypot stays out of the thanks
    assert record.received.utcoffset() == datetime.now(PARIS).utcoffset()
    assert before <= record.received <= datetime.now(PARIS)
    assert record.email == "jeanne.martin@example.net"
    assert record.data["subject"] == "Horaires de la déchetterie"
    assert "website" not in record.data
    person = smtp.to("jeanne.martin@example.net")
    assert len(person) == 2
    registration, receipt = person
    assert record.number in registration.subject
    assert f"{record.received.hour}\u00a0h\u00a0{record.received.minute:02d}" in registration.body
    assert record.number in receipt.subject
    # R112-11-1: the service in charge, its e-mail and phone.
    assert "Mairie de Saint-Aubin-sur-Loire" in receipt.body
    assert "mairie@saint-aubin-sur-loire.example.fr" in receipt.body
    assert str(demo_profile.mairie.phone) in receipt.body
    agents = smtp.to("mairie@saint-aubin-sur-loire.example.fr")
    assert [mail.subject for mail in agents] == [f"[{record.number}] {form.title}"]
    assert "Horaires de la déchetterie" in agents[0].body
    assert registration.sender == "ne-pas-repondre@example.org"


def test_numbers_follow_each_other(site, smtp):
    form = site["demarches"]["nous-contacter"]
    submit(form.absolute_url())
    submit(form.absolute_url(), email="paul@example.net")
    assert [record.number[-6:] for record in requests_in(form)] == ["000002", "000001"]


def test_each_form_has_its_own_recipients(site, smtp):
    form = site["demarches"]["nous-contacter"]
    configure(form, recipients=["etat-civil@example.org", "accueil@example.org"])
    submit(form.absolute_url())
    [record] = requests_in(form)
    for agent in ("etat-civil@example.org", "accueil@example.org"):
        assert [mail.subject for mail in smtp.to(agent)] == [f"[{record.number}] {form.title}"]
    assert smtp.to("mairie@saint-aubin-sur-loire.example.fr") == []
    other = site["demarches"]["faire-une-demande"]
    submit(other.absolute_url())
    assert len(smtp.to("mairie@saint-aubin-sur-loire.example.fr")) == 1


def test_manual_review_sends_the_registration_only(site, smtp):
    form = site["demarches"]["faire-une-demande"]
    submit(form.absolute_url())
    [record] = requests_in(form)
    assert record.number.startswith("DEMANDE-")
    [registration] = smtp.to("jeanne.martin@example.net")
    assert record.number in registration.subject
    assert record.receipt_sent is None


def test_a_failing_mail_server_loses_no_request_nor_mail(site, smtp, caplog):
    api.portal.set_registry_record("plone.smtp_port", closed_port())
    transaction.commit()
    form = site["demarches"]["nous-contacter"]
    page = submit(form.absolute_url())
    [record] = requests_in(form)
    assert record.number in page
    assert record.receipt_sent is not None
    # The server is down: the three mails wait in the queue, the failure is logged.
    with caplog.at_level(logging.ERROR):
        assert mailqueue.flush(site.MailHost) == 3
    assert len([r for r in caplog.records if "Error while sending mail" in r.getMessage()]) == 3
    assert smtp.received == []
    # The server is back: the delivery three hours later (zope.sendmail's delay
    # before trying a failed mail again) sends them, once.
    api.portal.set_registry_record("plone.smtp_port", smtp.port)
    transaction.commit()
    three_hours_ago = time.time() - 3 * 3600 - 1
    for attempt in Path(site.MailHost.smtp_queue_directory).glob("new/.sending-*"):
        os.utime(attempt, (three_hours_ago, three_hours_ago))
    assert mailqueue.flush(site.MailHost) == 0
    assert len(smtp.to("jeanne.martin@example.net")) == 2
    assert len(smtp.received) == 3


def test_the_queue_is_delivered_by_the_zope_process_itself(site, smtp, monkeypatch):
    """Outside the tests no command is needed: the process that queues a mail delivers it."""
    monkeypatch.delenv("MAILHOST_QUEUE_ONLY")
    smtp.queues.clear()
    form = site["demarches"]["nous-contacter"]
    try:
        submit(form.absolute_url())
        for _attempt in range(100):
            if len(smtp.received) == 3:
                break
            time.sleep(0.1)
    finally:
        site.MailHost._stopQueueProcessorThread()
    assert len(smtp.to("jeanne.martin@example.net")) == 2


def test_missing_field_is_refused_and_nothing_stored(site, smtp):
    form = site["demarches"]["nous-contacter"]
    page = submit(form.absolute_url(), name="")
    assert fr(RequiredMissing.__doc__) in page
    assert requests_in(form) == []
    assert smtp.messages == []


def test_email_without_at_is_refused(site, smtp):
    form = site["demarches"]["nous-contacter"]
    page = submit(form.absolute_url(), email="jeanne.example.net")
    assert fr(InvalidEmail.__doc__) in page
    assert requests_in(form) == []
    assert smtp.messages == []


def test_a_too_large_file_is_refused(site, smtp):
    form = site["demarches"]["nous-contacter"]
    big = b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024)
    files = {"form.widgets.attachment": ("piece.pdf", big, "application/pdf")}
    page = submit(form.absolute_url(), files=files)
    assert fr(too_large(2)) in page
    assert requests_in(form) == []
    assert smtp.messages == []


def test_a_small_file_is_kept(site, smtp):
    form = site["demarches"]["nous-contacter"]
    files = {"form.widgets.attachment": ("piece.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")}
    submit(form.absolute_url(), files=files)
    [record] = requests_in(form)
    assert record.data["attachment"].filename == "piece.pdf"


def test_the_honeypot_is_hidden_and_refuses_robots(site, smtp):
    form = site["demarches"]["nous-contacter"]
    page = requests.get(form.absolute_url(), timeout=30).text
    block = page[page.index('class="mairie-honeypot"') - 200 :]
    block = block[: block.index("</div>") + 6]
    assert 'aria-hidden="true"' in block
    assert 'tabindex="-1"' in block
    assert 'autocomplete="off"' in block
    assert "display:none" not in block.replace(" ", "")
    page = submit(form.absolute_url(), website="http://spam.example")
    assert fr(HoneypotFilled.__doc__) in page
    assert requests_in(form) == []
    assert smtp.messages == []


def test_too_many_requests_from_one_address(site, smtp):
    form = site["demarches"]["nous-contacter"]
    configure(form, max_per_ip=2)
    submit(form.absolute_url())
    submit(form.absolute_url())
    page = submit(form.absolute_url())
    assert fr(_("error_sve_rate_limit", default=RATE_LIMITED)) in page
    assert len(requests_in(form)) == 2
    # Behind the agency's front (a trusted proxy on loopback), each visitor is counted
    # by the address the proxy forwards, not all as the proxy.
    page = submit(form.absolute_url(), headers={"X-Forwarded-For": "198.51.100.7, 127.0.0.1"})
    assert fr(_("error_sve_rate_limit", default=RATE_LIMITED)) not in page
    assert len(requests_in(form)) == 3
