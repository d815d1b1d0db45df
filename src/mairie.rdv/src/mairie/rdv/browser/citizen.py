"""The citizen's pages: choose a service, a slot, give one's details; then see, cancel, move.

No JavaScript: every step is a plain link or form. The booking itself and its
checks live in mairie.rdv.bookings; these views read the query, show the
answer and commit.
"""

from .common import agent_id
from .common import committed
from .common import day_of
from .common import day_title
from .common import hour
from .common import is_agent
from .common import moment_of
from .common import moment_param
from .common import people_of
from .common import service_of
from .common import when
from datetime import date
from datetime import timedelta
from mairie.policy import counters
from mairie.policy.acts.dates import full_date
from mairie.policy.acts.dates import now as paris_now
from mairie.policy.acts.dates import PARIS
from mairie.policy.backoffice.access import visitor_address
from mairie.policy.forms.errors import FormErrors
from mairie.policy.french import fr
from mairie.policy.interfaces import CountersUnavailable
from mairie.rdv import _
from mairie.rdv import mails
from mairie.rdv.ants.precheck import check_applications
from mairie.rdv.ants.precheck import format_problems
from mairie.rdv.ants.precheck import normalize
from mairie.rdv.bookings import BOOKED
from mairie.rdv.bookings import BookingError
from mairie.rdv.bookings import management_url
from mairie.rdv.bookings import person_problems
from mairie.rdv.bookings import store
from mairie.rdv.slots import free_slots
from mairie.rdv.slots import window
from mairie.rdv.wording import french_when
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import urlencode
from zope.i18nmessageid import Message


# A field people never see (off-screen, hidden from screen readers) and robots fill in.
HONEYPOT = "site_web"
WINDOW = 600  # seconds: the agenda's max_per_address counts bookings in 10 minutes
# The form's fields for the person's details, in its order, and their names in person_problems.
PERSON_FIELDS = {
    "nom": "surname",
    "prenom": "first_name",
    "courriel": "email",
    "telephone": "phone",
}


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


class Errors:
    """The error summary of every citizen's form (mairie.policy.forms), with the ANTS's
    appointments; the booking and management pages share it."""

    errors = FormErrors()
    existing = ()
    _errors = ViewPageTemplateFile("templates/errors.pt")

    @property
    def errors_macro(self):
        return self._errors.macros["errors"]


class AgendaView(BrowserView):
    """Step 1: the services, and how many people come."""

    def services(self):
        return [
            {
                "id": service.getId(),
                "title": service.Title(),
                "description": service.Description(),
                "duration": service.duration,
                "per_person": service.per_person,
                "max_people": service.max_people or 1,
                "ants": bool(service.ants_reason),
            }
            for service in self.context.services()
        ]

    def people_choices(self):
        most = max((service.max_people or 1 for service in self.context.services()), default=1)
        return range(1, most + 1)

    def is_agent(self):
        return is_agent(self.context)


class SlotsView(BrowserView):
    """Step 2: a week of free slots for a service and a number of people.

    With ``jeton`` (a booking's token) the slots lead to moving that booking.
    """

    def update(self):
        form = self.request.form
        self.error = None
        self.booking = None
        token = form.get("jeton")
        if token:
            self.booking = store(self.context).by_token(str(token))
            if self.booking is None or self.booking.status != BOOKED:
                self.error = _(
                    "error_rdv_unknown_booking",
                    default="This appointment does not exist or can no longer be changed.",
                )
                return
            self.service = self.context.get(self.booking.service)
            self.people = self.booking.people
        else:
            self.service = service_of(self.context, form)
            self.people = people_of(form)
        if self.service is None or getattr(self.service, "portal_type", "") != "mairie.RdvService":
            self.error = _("error_rdv_unknown_service", default="This service does not exist.")
            return
        if not 1 <= self.people <= (self.service.max_people or 1):
            self.error = _(
                "error_rdv_people",
                default="The number of people must be between 1 and ${max}.",
                mapping={"max": self.service.max_people or 1},
            )
            return
        now = paris_now()
        self.anytime = is_agent(self.context)
        _earliest, latest = window(self.context, now)
        today = now.astimezone(PARIS).date()
        self.last_day = today + timedelta(days=365) if self.anytime else latest
        week = day_of(form.get("semaine"))
        if week is None:
            upcoming = free_slots(
                self.context,
                self.service,
                self.people,
                today,
                self.last_day,
                now=now,
                anytime=self.anytime,
            )
            week = upcoming[0].start.date() if upcoming else today
        self.monday = max(_monday(week), _monday(today))
        sunday = self.monday + timedelta(days=6)
        self.slots = free_slots(
            self.context,
            self.service,
            self.people,
            self.monday,
            sunday,
            now=now,
            anytime=self.anytime,
        )
        self.today = today

    def __call__(self):
        self.update()
        return self.index()

    def query(self, **extra) -> str:
        if self.booking is not None:
            params = {"jeton": self.booking.token}
        else:
            params = {"motif": self.service.getId(), "personnes": self.people}
        params.update(extra)
        return urlencode(params)

    def title(self):
        return self.service.Title()

    def booking_when(self):
        return when(self.booking.start)

    def days(self):
        """The week's days with free slots: the slot times merged over the counters."""
        by_day = {}
        for slot in self.slots:
            by_day.setdefault(slot.start.date(), {})
            by_day[slot.start.date()][slot.start] = True
        days = []
        for day in sorted(by_day):
            starts = sorted(by_day[day])
            days.append(
                {
                    "title": day_title(day),
                    "iso": day.isoformat(),
                    "slots": [
                        {"hour": hour(start), "label": when(start), "url": self.slot_url(start)}
                        for start in starts
                    ],
                }
            )
        return days

    def slot_url(self, start) -> str:
        base = self.context.absolute_url()
        if self.booking is not None:
            return f"{base}/@@mon-rendez-vous?{self.query(debut=moment_param(start))}"
        return f"{base}/@@reserver?{self.query(debut=moment_param(start))}"

    def week_title(self):
        return _(
            "rdv_week_of",
            default="Week of ${date}",
            mapping={"date": full_date(self.monday, target_language="fr")},
        )

    def previous_url(self):
        if self.monday <= _monday(self.today):
            return None
        previous = self.monday - timedelta(days=7)
        return (
            f"{self.context.absolute_url()}/@@creneaux?{self.query(semaine=previous.isoformat())}"
        )

    def next_url(self):
        following = self.monday + timedelta(days=7)
        if following > self.last_day:
            return None
        return (
            f"{self.context.absolute_url()}/@@creneaux?{self.query(semaine=following.isoformat())}"
        )


class BookView(Errors, BrowserView):
    """Step 3: the citizen's details (and ANTS numbers), then the booking."""

    honeypot = HONEYPOT

    def __call__(self):
        form = self.request.form
        self.service = service_of(self.context, form)
        self.people = people_of(form)
        self.start = moment_of(form.get("debut"))
        problem = self.check_choice()
        if problem is not None:
            self.errors = FormErrors.general(problem)
            return self.index()
        if self.request.method == "POST" and form.get("confirmer"):
            CheckAuthenticator(self.request)
            self.errors = self.field_errors()
            booking = None if self.errors else self.book()
            if booking is not None:
                url = management_url(self.context, booking)
                self.request.response.redirect(f"{url}&confirme=1", status=303)
                return ""
        return self.index()

    def check_choice(self):
        if self.service is None:
            return _("error_rdv_unknown_service", default="This service does not exist.")
        if not 1 <= self.people <= (self.service.max_people or 1):
            return _(
                "error_rdv_people",
                default="The number of people must be between 1 and ${max}.",
                mapping={"max": self.service.max_people or 1},
            )
        if self.start is None:
            return _("error_rdv_no_slot", default="This slot is not available: choose another one.")
        return None

    def value(self, name: str) -> str:
        return str(self.request.form.get(name, ""))[:254]

    def field_errors(self) -> FormErrors:
        """The details left empty or wrong, each under its field, before anything is booked
        (the ANTS numbers by their form only: the ANTS is asked once all is right)."""
        problems = person_problems(*(self.value(name) for name in PERSON_FIELDS))
        found = [(field, problems[key]) for field, key in PERSON_FIELDS.items() if key in problems]
        if self.service.ants_reason:
            numbers = [normalize(number) for number in self.application_ids()]
            found += [
                (f"ants_{position + 1}", message)
                for position, message in format_problems(numbers).items()
            ]
        return FormErrors(found)

    def application_ids(self) -> list[str]:
        return [self.value(f"ants_{number}") for number in range(1, self.people + 1)]

    def book(self):
        """Book for an agent, or for a visitor within the honeypot and the limit per address.

        The visitor's booking is counted before it is stored (checked and counted
        at once, in the database that every instance sees), so that parallel
        requests from one connection never book more than the limit; it is given
        back if no booking comes of it (slot taken, ANTS refusal, any error).
        """
        agenda = self.context
        by = agent_id(agenda)
        if by:
            return self.store_booking(by)
        if self.request.form.get(HONEYPOT):
            self.errors = FormErrors.general(
                _(
                    "error_rdv_honeypot",
                    default="Your appointment could not be booked: a field meant to stay "
                    "empty was filled in.",
                )
            )
            return None
        portal = api.portal.get()
        scope, address = "/".join(agenda.getPhysicalPath()), visitor_address(self.request)
        try:
            end = counters.take(portal, scope, address, agenda.max_per_address or 1, WINDOW)
        except CountersUnavailable:
            self.errors = FormErrors.general(counters.UNAVAILABLE)
            return None
        if end is None:
            self.errors = FormErrors.general(
                _(
                    "error_rdv_rate_limit",
                    default="Too many appointments were booked from your connection in the "
                    "last minutes. Please try again in 10 minutes, or call the town hall.",
                )
            )
            return None
        booking = None
        try:
            booking = self.store_booking(by)
        finally:
            if booking is None:
                counters.give_back(portal, scope, address, end)
        return booking

    def store_booking(self, by: str):
        """The ANTS check, then the booking, committed; None (and ``errors``) if refused."""
        agenda, service = self.context, self.service
        ids = self.application_ids() if service.ants_reason else []
        if service.ants_reason:
            check = check_applications(agenda, ids)
            if check.problems:
                self.errors = FormErrors.general(*check.problems)
                self.existing = check.existing
                return None

        def action():
            booking = store(agenda).book(
                service,
                "",
                self.start,
                self.people,
                self.value("nom"),
                self.value("prenom"),
                self.value("courriel"),
                self.value("telephone"),
                application_ids=ids,
                by=by,
            )
            mails.confirmation(agenda, booking)
            return booking

        try:
            return committed(action)
        except BookingError as error:
            self.errors = FormErrors.general(error.message)
            self.request.form.pop("confirmer", None)
            return None

    def summary(self):
        return {
            "service": self.service.Title(),
            "people": self.people,
            "when": when(self.start),
        }

    def ants_fields(self):
        if not self.service.ants_reason:
            return []
        return [
            {"name": f"ants_{number}", "number": number, "value": self.value(f"ants_{number}")}
            for number in range(1, self.people + 1)
        ]

    def notice(self) -> list[str]:
        """The information notice of RGPD article 13."""
        registry = api.portal.get_tool("portal_registry")
        contact = registry.get("mairie.commune.dpo_email", "") or registry.get(
            "mairie.commune.email_contact", ""
        )
        mapping = {
            "controller": api.portal.get().Title(),
            "days": self.context.retention_days,
            "email": contact,
        }
        paragraphs = [
            _(
                "rdv_notice_controller",
                default="${controller} processes these data to organise your appointment, a "
                "task in the public interest. Only the town hall's reception agents see them.",
            ),
            _(
                "rdv_notice_retention",
                default="They are deleted ${days} days after the appointment.",
            ),
            _(
                "rdv_notice_rights",
                default="You may access your data, have them rectified or erased, object to or "
                "limit their processing, by writing to ${email}. If you think your rights are "
                "not respected, you may lodge a complaint with the CNIL (www.cnil.fr).",
            ),
        ]
        if self.service.ants_reason:
            paragraphs.insert(
                1,
                _(
                    "rdv_notice_ants",
                    default="For an identity document, your pre-application numbers are checked "
                    "with the Agence nationale des titres sécurisés (ANTS), and the appointment "
                    "is declared to it, as the law requires, to prevent duplicate bookings.",
                ),
            )
        return [fr(Message(paragraph, mapping=mapping)) for paragraph in paragraphs]

    def back_url(self):
        return f"{self.context.absolute_url()}/@@creneaux?" + urlencode(
            {"motif": self.service.getId() if self.service else "", "personnes": self.people}
        )


class ManageView(Errors, BrowserView):
    """The citizen's page of one booking, opened by its token: see, cancel, move."""

    not_found = ViewPageTemplateFile("templates/not_found.pt")
    done = None
    asks_cancel = False

    def __call__(self):
        form = self.request.form
        self.booking = store(self.context).by_token(str(form.get("jeton", ""))[:100])
        if self.booking is None:
            self.request.response.setStatus(404)
            return self.not_found()
        self.new_start = moment_of(form.get("debut")) if self.can_change() else None
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            action = form.get("action")
            if action == "annuler" and self.can_change():
                # One tap on « Cancel » only asks; the second, confirmed, cancels.
                if form.get("confirmation") == "oui":
                    self.cancel()
                else:
                    self.asks_cancel = True
            elif action == "deplacer" and self.new_start is not None:
                self.move()
        return self.index()

    def can_change(self) -> bool:
        return self.booking.status == BOOKED and self.booking.start > paris_now()

    def cancel(self):
        agenda, booking = self.context, self.booking

        def action():
            store(agenda).cancel(booking, by=agent_id(agenda))
            mails.cancellation(agenda, booking)

        try:
            committed(action)
            self.done = "cancelled"
        except BookingError as error:
            self.errors = FormErrors.general(error.message)

    def move(self):
        agenda, booking, start = self.context, self.booking, self.new_start

        def action():
            store(agenda).move(booking, start, "", by=agent_id(agenda))
            mails.confirmation(agenda, booking, moved=True)

        try:
            committed(action)
            self.done = "moved"
            self.new_start = None
        except BookingError as error:
            self.errors = FormErrors.general(error.message)

    def start_in_words(self) -> str:
        """« mardi 2 mars 2027 à 9 h 30 », inside a sentence."""
        return french_when(self.booking.start)

    def manage_url(self) -> str:
        return f"{self.context.absolute_url()}/@@mon-rendez-vous?" + urlencode(
            {"jeton": self.token()}
        )

    def confirmed(self) -> bool:
        return bool(self.request.form.get("confirme")) and self.done is None

    def details(self):
        booking = self.booking
        return {
            "service": booking.service_title,
            "when": when(booking.start),
            "people": booking.people,
            "name": booking.name,
            "email": booking.email,
            "phone": booking.phone,
            "applications": ", ".join(booking.application_ids),
            "status": booking.status,
            "place": mails.place(),
        }

    def new_when(self):
        return when(self.new_start) if self.new_start is not None else ""

    def token(self):
        return self.booking.token

    def move_url(self):
        return f"{self.context.absolute_url()}/@@creneaux?" + urlencode(
            {"jeton": self.booking.token}
        )
