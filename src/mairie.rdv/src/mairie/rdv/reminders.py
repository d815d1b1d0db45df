"""The daily commands: reminders the day before (`mairie rdv-reminders`) and the agents'
recap of tomorrow with the retention purge (`mairie rdv-recap`).

Both are safe to run twice: a reminder sets ``booking.reminded``, a recap is
recorded per counter and day, in the same transaction that queues the mail
(see mairie.policy.mailqueue: a mail is queued if and only if its transaction
commits), so a second run finds nothing left to send.
"""

from BTrees.OOBTree import OOBTree
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from mairie.policy import mailqueue
from mairie.policy.acts.dates import full_date
from mairie.policy.acts.dates import now as paris_now
from mairie.policy.acts.dates import PARIS
from mairie.policy.acts.dates import paris_time
from mairie.policy.french import fr
from mairie.policy.hours.schedule import french_time
from mairie.policy.phone import normalize_phone
from mairie.policy.phone import PhoneError
from mairie.policy.sve.mails import send
from mairie.rdv import _
from mairie.rdv import logger
from mairie.rdv.agendas import agendas
from mairie.rdv.ants import declarations
from mairie.rdv.bookings import BOOKED
from mairie.rdv.bookings import management_url
from mairie.rdv.bookings import store
from mairie.rdv.ics import mairie_address
from mairie.rdv.settings.schema import integration_settings
from mairie.rdv.sms import gateway
from mairie.rdv.sms import SmsError
from mairie.rdv.sms.outbox import purge_outbox
from mairie.rdv.sms.phone import is_mobile
from mairie.rdv.wording import french_when
from mairie.rdv.wording import people
from plone import api
from Products.CMFPlone.utils import get_installer
from typing import NamedTuple
from zope.annotation.interfaces import IAnnotations
from zope.component.hooks import setSite

import transaction


RECAPS = "mairie.rdv.recaps"


class Reminded(NamedTuple):
    mails: int
    sms: int
    ants: int

    def summary(self) -> str:
        return fr(
            _(
                "done_rdv_reminders",
                default="reminders by e-mail: ${mails}; by text message: ${sms}; "
                "ANTS calls done again: ${ants}",
                mapping=self._asdict(),
            )
        )


class Recapped(NamedTuple):
    mails: int
    purged: int

    def summary(self) -> str:
        return fr(
            _(
                "done_rdv_recap",
                default="recap e-mails to agents: ${mails}; past appointments deleted: ${purged}",
                mapping=self._asdict(),
            )
        )


def rdv_sites(app):
    """The commune sites of the application with mairie.rdv installed (each made current)."""
    from mairie.policy.provisioning.site import communes

    for site, _settings in communes(app):
        if get_installer(site).is_product_installed("mairie.rdv"):
            yield site


def run_reminders(sites, now: datetime | None = None) -> Reminded:
    mails = sms = ants = 0
    for site in sites:
        setSite(site)
        now_ = paris_time(now) if now else paris_now()
        for agenda in agendas(site):
            sent_mails, sent_sms = send_reminders(site, agenda, now_)
            mails, sms = mails + sent_mails, sms + sent_sms
            ants += declarations.retry(agenda, now_)
        transaction.commit()
        mailqueue.flush(site.MailHost)
    return Reminded(mails, sms, ants)


def run_recaps(sites, now: datetime | None = None) -> Recapped:
    mails = purged = 0
    for site in sites:
        setSite(site)
        now_ = paris_time(now) if now else paris_now()
        for agenda in agendas(site):
            mails += send_recaps(agenda, now_)
            purged += store(agenda).purge(now_)
            _forget_recaps(agenda, now_.date())
        purge_outbox(site, now_)
        transaction.commit()
        mailqueue.flush(site.MailHost)
    return Recapped(mails, purged)


def send_reminders(site, agenda, now: datetime) -> tuple[int, int]:
    """Remind tomorrow's appointments not reminded yet: (mails, text messages)."""
    with_sms = integration_settings(site).sms_enabled
    mails = sms = 0
    for booking in store(agenda).between(*_day(now.date() + timedelta(days=1))):
        if booking.status != BOOKED or booking.reminded is not None:
            continue
        mapping = {
            "service": booking.service_title,
            "when": french_when(booking.start),
            "place": _place(agenda, booking),
            "url": management_url(agenda, booking),
            "name": booking.name,
        }
        send([(booking.email, _subject(mapping), _body(mapping))])
        mails += 1
        if with_sms and _send_sms(site, booking, mapping):
            sms += 1
        booking.reminded = now
    return mails, sms


def send_recaps(agenda, now: datetime) -> int:
    """One mail per counter to its agents with tomorrow's appointments, once a day."""
    tomorrow = now.date() + timedelta(days=1)
    sent = _recaps(agenda)
    mails = 0
    for counter in agenda.counters():
        key = f"{tomorrow.isoformat()}/{counter.getId()}"
        if key in sent:
            continue
        bookings = list(store(agenda).between(*_day(tomorrow), counter=counter.getId()))
        recipients = _agents_emails(agenda, counter)
        if not bookings or not recipients:
            continue
        subject, body = _recap(counter, tomorrow, bookings)
        send([(recipient, subject, body) for recipient in recipients])
        mails += len(recipients)
        sent[key] = now
    return mails


def _send_sms(site, booking, mapping) -> bool:
    try:
        number = normalize_phone(booking.phone)
    except PhoneError:
        return False
    if not is_mobile(number):
        return False
    text = fr(
        _(
            "sms_reminder",
            default="Reminder: ${service} at the town hall ${when}. To cancel or move: ${url}",
            mapping=mapping,
        )
    ).replace("\u00a0", " ")  # GSM 03.38 has no no-break space: it would cost a UCS-2 SMS
    try:
        gateway(site).send(number, text)
    except SmsError:
        logger.warning("SMS reminder of booking %s not sent", booking.id)
        return False
    return True


def _subject(mapping) -> str:
    return fr(
        _("mail_reminder_subject", default="Reminder: your appointment ${when}", mapping=mapping)
    )


def _body(mapping) -> str:
    return fr(
        _(
            "mail_reminder_body",
            default="Hello ${name},\n\nThis is a reminder of your appointment “${service}” "
            "${when}, at ${place}.\n\nIf you cannot come, please cancel or move it: ${url}",
            mapping=mapping,
        )
    )


def _recap(counter, day: date, bookings) -> tuple[str, str]:
    mapping = {
        "counter": counter.Title(),
        "date": full_date(day, target_language="fr"),
        "count": len(bookings),
    }
    subject = fr(
        _("mail_recap_subject", default="${counter}: appointments of ${date}", mapping=mapping)
    )
    lines = [
        fr(_("mail_recap_body", default="Appointments on ${date}: ${count}", mapping=mapping)),
        "",
    ]
    for booking in bookings:
        start = paris_time(booking.start)
        lines.append(
            f"{french_time(start.time())} – {booking.service_title} – {booking.name} "
            f"({people(booking.people)})"
        )
    lines += ["", f"{counter.absolute_url()}"]
    return subject, "\n".join(lines)


def _agents_emails(agenda, counter) -> list[str]:
    emails = []
    for userid in counter.agents or ():
        user = api.user.get(userid=userid)
        email = user.getProperty("email", "") if user is not None else ""
        if email and email not in emails:
            emails.append(email)
    if agenda.notification_email and agenda.notification_email not in emails:
        emails.append(agenda.notification_email)
    return emails


def _place(agenda, booking) -> str:
    counter = agenda.get(booking.counter)
    name = counter.Title() if counter is not None else ""
    return ", ".join(part for part in (name, mairie_address()) if part)


def _day(day: date) -> tuple[datetime, datetime]:
    """[midnight, next midnight) of a Paris day, whatever its length (23 h or 25 h)."""
    first = PARIS.localize(datetime.combine(day, time()))
    return first, PARIS.localize(datetime.combine(day + timedelta(days=1), time()))


def _recaps(agenda):
    annotations = IAnnotations(agenda)
    if RECAPS not in annotations:
        annotations[RECAPS] = OOBTree()
    return annotations[RECAPS]


def _forget_recaps(agenda, today: date) -> None:
    """Keys of past days are of no use once their day is over."""
    sent = _recaps(agenda)
    for key in list(sent.keys(max=today.isoformat())):
        del sent[key]
