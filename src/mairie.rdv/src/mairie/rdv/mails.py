"""The mails a citizen receives about a booking, queued with the booking's transaction.

They go through the site's MailHost queue (mairie.policy.mailqueue): a booking
aborted or retried after a conflict sends nothing, a stored one sends once.
"""

from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import formataddr
from mairie.policy.french import fr
from mairie.rdv import _
from mairie.rdv.ants.meeting_point import meeting_point
from mairie.rdv.bookings import management_url
from mairie.rdv.ics import booking_ics
from mairie.rdv.wording import french_when
from mairie.rdv.wording import people
from plone import api
from zope.i18nmessageid import Message


def _mapping(agenda, booking) -> dict:
    return {
        "service": booking.service_title,
        "when": french_when(booking.start),
        "people": people(booking.people),
        "name": booking.name,
        "url": management_url(agenda, booking),
        "place": place(),
    }


def place() -> str:
    """Where appointments take place, as the ANTS knows it: « Mairie de …, address »."""
    point = meeting_point(api.portal.get())
    address = " ".join(part for part in (point.zip_code, point.city_name) if part)
    return ", ".join(part for part in (point.name, point.public_entry_address, address) if part)


def confirmation(agenda, booking, moved: bool = False) -> None:
    mapping = _mapping(agenda, booking)
    if moved:
        subject = _("mail_rdv_moved_subject", default="Your appointment moved to ${when}")
        intro = _(
            "mail_rdv_moved_body",
            default="Hello ${name},\n\nyour appointment “${service}” now takes place on ${when}."
            "\n\nPlace: ${place}",
        )
    else:
        subject = _("mail_rdv_booked_subject", default="Appointment confirmed on ${when}")
        intro = _(
            "mail_rdv_booked_body",
            default="Hello ${name},\n\nyour appointment “${service}” (${people}) is "
            "confirmed on ${when}.\n\nPlace: ${place}",
        )
    lines = [
        fr(Message(intro, mapping=mapping)),
        fr(
            Message(
                _(
                    "mail_rdv_manage",
                    default="To cancel or move it, use this private link (do not share it):"
                    "\n${url}",
                ),
                mapping=mapping,
            )
        ),
        fr(_("mail_rdv_calendar", default="The attached file adds it to your calendar.")),
    ]
    message = MIMEMultipart()
    message.attach(MIMEText("\n\n".join(lines), "plain", "utf-8"))
    attachment = MIMEText(booking_ics(agenda, booking).decode("utf-8"), "calendar", "utf-8")
    attachment.add_header("Content-Disposition", "attachment", filename="rendez-vous.ics")
    message.attach(attachment)
    _send(agenda, booking.email, fr(Message(subject, mapping=mapping)), message)


def cancellation(agenda, booking, reason: str = "") -> None:
    mapping = _mapping(agenda, booking)
    lines = [
        fr(
            Message(
                _(
                    "mail_rdv_cancelled_body",
                    default="Hello ${name},\n\nyour appointment “${service}” on ${when} is "
                    "cancelled.",
                ),
                mapping=mapping,
            )
        )
    ]
    if reason:
        lines.append(
            fr(
                Message(
                    _("mail_rdv_cancelled_reason", default="Message from the town hall: ${reason}"),
                    mapping={"reason": reason},
                )
            )
        )
    lines.append(
        fr(
            _(
                "mail_rdv_book_again",
                default="You can book another appointment on the town hall's website.",
            )
        )
    )
    subject = fr(
        Message(
            _("mail_rdv_cancelled_subject", default="Appointment cancelled: ${when}"),
            mapping=mapping,
        )
    )
    _send(agenda, booking.email, subject, MIMEText("\n\n".join(lines), "plain", "utf-8"))


def _send(agenda, recipient: str, subject: str, message) -> None:
    mailhost = api.portal.get_tool("MailHost")
    sender = formataddr(
        (
            api.portal.get_registry_record("plone.email_from_name", default="") or "",
            api.portal.get_registry_record("plone.email_from_address", default="") or "",
        )
    )
    if agenda.notification_email:
        message["Reply-To"] = agenda.notification_email
    mailhost.send(message, mto=recipient, mfrom=sender, subject=subject, charset="utf-8")
