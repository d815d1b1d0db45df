"""The agents' pages: the day or week of each counter, and what they do with a booking."""

from .common import committed
from .common import day_of
from .common import day_title
from .common import hour
from .common import moment_of
from datetime import datetime
from datetime import time
from datetime import timedelta
from mairie.policy.acts.dates import now as paris_now
from mairie.policy.acts.dates import PARIS
from mairie.rdv import _
from mairie.rdv import mails
from mairie.rdv.bookings import BOOKED
from mairie.rdv.bookings import BookingError
from mairie.rdv.bookings import CANCELLED
from mairie.rdv.bookings import HONOURED
from mairie.rdv.bookings import MISSED
from mairie.rdv.bookings import store
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from urllib.parse import urlencode
from zExceptions import NotFound


STATUS_LABELS = {
    BOOKED: _("rdv_status_booked", default="Booked"),
    CANCELLED: _("rdv_status_cancelled", default="Cancelled"),
    HONOURED: _("rdv_status_honoured", default="Honoured"),
    MISSED: _("rdv_status_missed", default="Missed"),
}
MARKS = {"present": HONOURED, "absent": MISSED}


def _user() -> str:
    return api.user.get_current().getId() or ""


def _time(value) -> time | None:
    try:
        return time.fromisoformat(str(value or ""))
    except ValueError:
        return None


class AgentsView(BrowserView):
    """The bookings and blocked periods of a day (``jour``) or its week (``vue=semaine``)."""

    errors = ()

    def __call__(self):
        form = self.request.form
        self.today = paris_now().date()
        self.day = day_of(form.get("jour")) or self.today
        self.week = form.get("vue") == "semaine"
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            self.act(form)
        return self.index()

    # Actions

    def act(self, form):
        action = form.get("action")
        bookings = store(self.context)
        try:
            if action in MARKS:
                booking = bookings.get(str(form.get("id", "")))
                if booking is None:
                    raise NotFound()
                committed(lambda: bookings.mark(booking, MARKS[action], by=_user()))
                self.say(
                    _(
                        "rdv_marked",
                        default="The appointment of ${name} is recorded.",
                        mapping={"name": booking.name},
                    )
                )
            elif action == "bloquer":
                self.block(form, bookings)
            elif action == "debloquer":
                start = moment_of(form.get("debut"))
                if start is not None:
                    committed(lambda: bookings.unblock(str(form.get("guichet", "")), start))
                    self.say(_("rdv_unblocked", default="The period is open again."))
        except BookingError as error:
            self.errors = [error.message]

    def block(self, form, bookings):
        day = day_of(form.get("bloc_jour"))
        first, last = _time(form.get("bloc_debut")), _time(form.get("bloc_fin"))
        if day is None or first is None or last is None:
            raise BookingError(
                _(
                    "error_rdv_block_input",
                    default="Give the day (as 2027-03-02) and the start and end times (as 09:30).",
                )
            )
        start = PARIS.localize(datetime.combine(day, first))
        end = PARIS.localize(datetime.combine(day, last))
        counter, reason = str(form.get("guichet", "")), str(form.get("motif_blocage", ""))[:200]
        committed(lambda: bookings.block(counter, start, end, by=_user(), reason=reason))
        self.say(_("rdv_blocked", default="The period is blocked: no one can book it."))

    def say(self, message):
        IStatusMessage(self.request).add(message, type="info")

    # Reading

    def counters(self):
        wanted = self.request.form.get("guichet") if self.request.method == "GET" else None
        return [
            counter
            for counter in self.context.counters()
            if not wanted or counter.getId() == wanted
        ]

    def dates(self):
        if not self.week:
            return [self.day]
        monday = self.day - timedelta(days=self.day.weekday())
        return [monday + timedelta(days=offset) for offset in range(7)]

    def days(self):
        bookings = store(self.context)
        days = []
        for day in self.dates():
            start = PARIS.localize(datetime.combine(day, time(0)))
            end = PARIS.localize(datetime.combine(day + timedelta(days=1), time(0)))
            counters = []
            for counter in self.counters():
                rows = [
                    self.booking_row(item) for item in bookings.between(start, end, counter.getId())
                ]
                rows += [
                    self.block_row(counter, entry)
                    for entry in bookings.blocks(counter.getId(), day)
                ]
                rows.sort(key=lambda row: row["sort"])
                counters.append({"id": counter.getId(), "title": counter.Title(), "rows": rows})
            days.append({"title": day_title(day), "iso": day.isoformat(), "counters": counters})
        return days

    def booking_row(self, booking):
        return {
            "sort": booking.start,
            "block": False,
            "id": booking.id,
            "time": f"{hour(booking.start)} – {hour(booking.end)}",
            "service": booking.service_title,
            "people": booking.people,
            "name": booking.name,
            "email": booking.email,
            "phone": booking.phone,
            "applications": ", ".join(booking.application_ids),
            "status": STATUS_LABELS[booking.status],
            "can_cancel": booking.status == BOOKED,
            "cancel_url": f"{self.context.absolute_url()}/@@annuler-rendez-vous?id={booking.id}",
        }

    def block_row(self, counter, entry):
        start, end, _id, note = entry
        return {
            "sort": start,
            "block": True,
            "counter": counter.getId(),
            "time": f"{hour(start)} – {hour(end)}",
            "note": note,
            "start": start.astimezone(PARIS).strftime("%Y-%m-%dT%H:%M"),
        }

    def url(self, day, week=None) -> str:
        week = self.week if week is None else week
        params = {"jour": day.isoformat()}
        if week:
            params["vue"] = "semaine"
        return f"{self.context.absolute_url()}/@@rendez-vous-agents?{urlencode(params)}"

    def navigation(self):
        step = timedelta(days=7 if self.week else 1)
        return {
            "previous": self.url(self.day - step),
            "next": self.url(self.day + step),
            "today": self.url(self.today),
            "other_view": self.url(self.day, not self.week),
        }

    def all_counters(self):
        return [
            {"id": counter.getId(), "title": counter.Title()} for counter in self.context.counters()
        ]


class CancelView(BrowserView):
    """An agent cancels a booking, with a message mailed to the citizen."""

    def __call__(self):
        self.booking = store(self.context).get(str(self.request.form.get("id", "")))
        if self.booking is None:
            raise NotFound()
        if self.request.method == "POST" and self.request.form.get("annuler"):
            CheckAuthenticator(self.request)
            message = str(self.request.form.get("message", ""))[:2000].strip()
            agenda, booking = self.context, self.booking

            def action():
                store(agenda).cancel(booking, by=_user(), message=message)
                mails.cancellation(agenda, booking, message)

            try:
                committed(action)
            except BookingError as error:
                IStatusMessage(self.request).add(error.message, type="error")
            else:
                IStatusMessage(self.request).add(
                    _(
                        "rdv_agent_cancelled",
                        default="The appointment is cancelled and the citizen informed.",
                    ),
                    type="info",
                )
            day = booking.start.astimezone(PARIS).date().isoformat()
            self.request.response.redirect(
                f"{agenda.absolute_url()}/@@rendez-vous-agents?jour={day}", status=303
            )
            return ""
        return self.index()

    def details(self):
        booking = self.booking
        return {
            "name": booking.name,
            "service": booking.service_title,
            "when": day_title(booking.start.astimezone(PARIS).date()) + " — " + hour(booking.start),
            "cancelled": booking.status != BOOKED,
        }
