"""The pages the layout and HTML tests visit in each template, and the agents' data they show."""

from datetime import timedelta
from mairie.payfip.payments import new_payment
from mairie.policy.acts.dates import now
from mairie.policy.sve.records import store_request
from mairie.policy.sve.submission import answer_fields
from mairie.rdv.bookings import management_url
from mairie.rdv.bookings import store
from mairie.rdv.slots import free_slots
from plone.app.theming.utils import applyTheme
from plone.app.theming.utils import getTheme
from zope.component.hooks import setSite

import transaction


# In each template: the pages that show its layout the most.
TEMPLATE_PAGES = ("home", "listing", "news", "council", "register", "contact-form")


PUBLIC = {
    "home": "",
    "listing": "actualites",
    "news": "actualites/travaux-de-la-rue-des-ecoles-circulation-alternee-jusquau-12-decembre",
    "news-video": "actualites/seance-de-cinema-pour-les-familles-le-dimanche-27-decembre",
    "agenda": "agenda",
    "event": "agenda/marche-de-noel-2026-12-12",
    "council": "vie-municipale/conseil-municipal",
    "council-table": "vie-municipale/conseil-municipal/@@liste-des-elus",
    "councillor": "vie-municipale/conseil-municipal/catherine-morvan",
    "sessions": "vie-municipale/seances",
    "session": "vie-municipale/seances/seance-2026-11-19",
    "register": "vie-municipale/actes",
    "act": "vie-municipale/actes/2026-038",
    "bulletins": "vie-municipale/bulletins",
    "bulletin": "vie-municipale/bulletins/bulletin-42",
    "directory": "vivre-a/annuaire",
    "directory-entry": "vivre-a/annuaire/boulangerie-des-coteaux",
    "hours": "ma-mairie/horaires-et-contact",
    "services": "demarches/services-publics",
    "legal-notice": "mentions-legales",
    "accessibility": "accessibilite",
    "privacy": "donnees-personnelles",
    "sitemap": "@@sitemap",
    "contact-form": "demarches/nous-contacter",
    "privacy-form": "demarches/donnees-personnelles",
    "request-form": "demarches/faire-une-demande",
    "search": "@@search?SearchableText=conseil",
    "booking": "demarches/rendez-vous",
    "booking-slots": "demarches/rendez-vous/@@creneaux?motif=etat-civil&personnes=1",
    "payment-form": "demarches/paiement-en-ligne/cantine-scolaire",
}


NEWS = PUBLIC["news"]


AGENTS = {
    "requests": "demarches/nous-contacter/@@demandes",
    "edit-news": f"{NEWS}/edit",
    "edit-page": "mentions-legales/edit",
    "add-news": "actualites/++add++News Item",
    "payments": "@@paiements",
}


PEOPLE = (("Martin", "Jeanne"), ("Durand", "Paul"), ("Le Goff", "Maëlle"), ("Nguyen", "Thi Lan"))


def agents_data(site):
    """A request, appointments over several days and a pending payment for the agents' pages."""
    setSite(site)
    form = site["demarches"]["nous-contacter"]
    answers = {
        "name": "Jeanne Martin",
        "email": "jeanne.martin@example.net",
        "subject": "Horaires de la déchetterie",
        "message": "Bonjour, quels sont les horaires de la déchetterie le samedi ?",
    }
    fields = dict(answer_fields(form))
    request = store_request(
        form, "CONTACT", False, {k: v for k, v in answers.items() if k in fields}, answers["email"]
    )
    agenda = site["demarches"]["rendez-vous"]
    service = agenda["etat-civil"]
    today = now().date()
    slots = free_slots(agenda, service, 1, today + timedelta(days=1), today + timedelta(days=30))
    days = sorted({slot.start.date() for slot in slots})[:3]
    chosen = [slot for slot in slots if slot.start.date() == days[0]][:2]
    chosen += [next(slot for slot in slots if slot.start.date() == day) for day in days[1:]]
    bookings = [
        store(agenda).book(
            service,
            "",
            slot.start,
            1,
            surname,
            first,
            f"{first[0]}.{surname.replace(' ', '')}@example.fr".lower(),
            "0612345678",
        )
        for slot, (surname, first) in zip(chosen, PEOPLE, strict=False)
    ]
    new_payment(
        site["demarches"]["paiement-en-ligne"]["cantine-scolaire"],
        "CANT2026000123",
        1250,
        "jeanne@example.net",
    )
    paths = {
        "request": f"demarches/nous-contacter/@@demande?numero={request.number}",
        "appointments-day": f"demarches/rendez-vous/@@rendez-vous-agents?jour={days[0]}",
        "appointments-week": (
            f"demarches/rendez-vous/@@rendez-vous-agents?jour={days[0]}&vue=semaine"
        ),
    }
    confirmation = management_url(agenda, bookings[0]).removeprefix(site.absolute_url() + "/")
    setSite(None)
    transaction.commit()
    return paths, confirmation


def use_template(site, template):
    setSite(site)
    applyTheme(getTheme(template.theme_name))
    setSite(None)
    transaction.commit()
