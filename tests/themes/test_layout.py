"""Every page type laid out right at every width, in Chromium, with screenshots to look at.

At 375, 768, 1280 and 1920 px, in the demo commune's template, then six pages
at 375 and 1280 px in each of the other eleven: no horizontal scroll, the main
content at least 60 % of the layout's width on a wide screen, no word broken
across lines (a column a few letters wide). The screenshots are written to
var/screenshots/layout/<template>/<page>-<width>.png.
"""

from datetime import timedelta
from layout import Shot
from layout import Tabs
from mairie.payfip.payments import new_payment
from mairie.policy.acts.dates import now
from mairie.policy.sve.records import store_request
from mairie.policy.sve.submission import answer_fields
from mairie.rdv.bookings import management_url
from mairie.rdv.bookings import store
from mairie.rdv.slots import free_slots
from mairie.themes.catalog import templates
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.theming.utils import applyTheme
from plone.app.theming.utils import getTheme
from zope.component.hooks import setSite

import pytest
import transaction


pytestmark = pytest.mark.browser

WIDTHS = (375, 768, 1280, 1920)
TEMPLATE_WIDTHS = (375, 1280)
# In each template: the pages that show its layout the most.
TEMPLATE_PAGES = ("home", "listing", "news", "council", "register", "contact-form")
SCREENSHOTS = "var/screenshots/layout"

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


def test_every_page_type_fits_every_width_in_every_template(
    demo_commune, demo_profile, pytestconfig
):
    site, base = demo_commune["site"], demo_commune["url"]
    agents, confirmation = agents_data(site)
    agents.update(AGENTS)
    public = {**PUBLIC, "booking-confirmation": confirmation}
    own = demo_profile.commune.template
    folder = pytestconfig.rootpath / SCREENSHOTS
    shots = [Shot(name, f"{base}/{path}", WIDTHS) for name, path in public.items()]
    slots = f"{base}/{PUBLIC['booking-slots']}"
    shots.append(Shot("booking-form", slots, WIDTHS, follow=".mairie-rdv-slots a"))
    shots += [Shot(name, f"{base}/{path}", WIDTHS, agent=True) for name, path in agents.items()]
    problems = {}
    with Tabs(agent=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD)) as tabs:
        problems[own] = tabs.check(shots, folder / own)
        for template in templates().values():
            if template.id == own:
                continue
            use_template(site, template)
            chosen = [
                Shot(name, f"{base}/{PUBLIC[name]}", TEMPLATE_WIDTHS) for name in TEMPLATE_PAGES
            ]
            problems[template.id] = tabs.check(chosen, folder / template.id)
    found = [f"{template}: {problem}" for template, found in problems.items() for problem in found]
    assert not found, "\n".join(found)
