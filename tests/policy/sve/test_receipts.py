"""What the acknowledgement of receipt says (CRPA R112-11-1), and when it leaves."""

from .forms import configure
from .forms import switch_off
from datetime import date
from datetime import datetime
from mairie.policy.sve import agents
from mairie.policy.sve import daily
from mairie.policy.sve import mails
from mairie.policy.sve.deadlines import add_working_days
from mairie.policy.sve.deadlines import implicit_decision_date
from mairie.policy.sve.deadlines import receipt_deadline
from mairie.policy.sve.records import all_requests
from mairie.policy.sve.records import store_request
from zoneinfo import ZoneInfo

import transaction


PARIS = ZoneInfo("Europe/Paris")


def stored(form, when):
    return store_request(form, "T", True, {"name": "Jeanne"}, "jeanne@example.net", when)


def test_time_of_receipt_keeps_its_offset_across_daylight_saving(site):
    form = site["demarches"]["nous-contacter"]
    before = stored(form, datetime(2026, 3, 29, 1, 30, tzinfo=PARIS))
    after = stored(form, datetime(2026, 3, 29, 3, 30, tzinfo=PARIS))
    assert before.received.isoformat() == "2026-03-29T01:30:00+01:00"
    assert after.received.isoformat() == "2026-03-29T03:30:00+02:00"
    transaction.commit()


def test_receipt_for_silence_meaning_acceptance(site):
    form = site["demarches"]["faire-une-demande"]
    configure(form, implicit_decision="acceptance", decision_delay=2)
    action = agents.sve_action(form)
    record = stored(form, datetime(2026, 1, 15, 9, 5, tzinfo=PARIS))
    _to, subject, body = mails.receipt(form, action, record)
    assert record.number in subject
    assert "15 janvier 2026" in body
    assert "à 9\u00a0h\u00a005" in body
    assert "15 mars 2026" in body  # two months after receipt
    assert "L232-3" in body
    assert action.service_email in body
    assert action.service_phone in body


def test_receipt_for_silence_meaning_rejection(site):
    form = site["demarches"]["faire-une-demande"]
    configure(form, implicit_decision="rejection", decision_delay=45, decision_delay_unit="days")
    action = agents.sve_action(form)
    record = stored(form, datetime(2026, 1, 15, 9, 5, tzinfo=PARIS))
    _to, _subject, body = mails.receipt(form, action, record)
    assert "1er mars 2026" in body  # 45 days after 15 January
    assert "tribunal administratif" in body
    assert "L232-3" not in body


def test_working_days_skip_weekends_and_public_holidays():
    # Thursday 30 April 2026: 1 May (Friday) and the weekend do not count.
    assert add_working_days(date(2026, 4, 30), 1) == date(2026, 5, 4)
    # Ten working days from Friday 3 April 2026 skip Easter Monday (6 April).
    assert receipt_deadline(date(2026, 4, 3)) == date(2026, 4, 20)
    assert implicit_decision_date(date(2026, 12, 31), 2, "months") == date(2027, 2, 28)


def test_daily_command_sends_the_receipts_coming_due(site, smtp):
    form = site["demarches"]["faire-une-demande"]
    old = stored(form, datetime(2026, 4, 1, 10, 0, tzinfo=PARIS))
    recent = stored(form, datetime(2026, 4, 13, 10, 0, tzinfo=PARIS))
    transaction.commit()
    # Deadline of the first: 16 April (Easter Monday skipped), within 3 working days of the
    # 13th; the second is due on the 27th.
    now = datetime(2026, 4, 13, 7, 0, tzinfo=PARIS)
    assert daily.run([site], today=now.date(), now=now) == (1, 0, 0)
    transaction.commit()
    assert old.receipt_sent is not None
    assert recent.receipt_sent is None
    [mail] = smtp.to("jeanne@example.net")
    assert old.number in mail.subject
    assert daily.run([site], today=now.date(), now=now) == (0, 0, 0)


def test_retention_deletes_old_requests(site):
    form = site["demarches"]["nous-contacter"]  # kept 12 months
    stored(form, datetime(2025, 3, 1, 10, 0, tzinfo=PARIS))
    kept = stored(form, datetime(2025, 6, 1, 10, 0, tzinfo=PARIS))
    deleted = agents.purge_expired(form, now=datetime(2026, 5, 15, 12, 0, tzinfo=PARIS))
    assert deleted == 1
    assert [record.number for record in all_requests(form)] == [kept.number]


def test_requests_of_a_form_switched_off_are_still_purged(site):
    form = site["demarches"]["nous-contacter"]
    stored(form, datetime(2025, 3, 1, 10, 0, tzinfo=PARIS))
    transaction.commit()
    switch_off(form)
    now = datetime(2026, 5, 15, 12, 0, tzinfo=PARIS)
    assert daily.run([site], today=now.date(), now=now) == (0, 1, 0)
    assert all_requests(form) == []
