"""The office page, its JSON-LD and hours, and the services page, as a visitor fetches them."""

from .annuaire import SAMPLE
from .annuaire import services_folder
from .annuaire import SERVING_IDS
from datetime import date
from freezegun import freeze_time
from lxml import html
from mairie.policy import _
from mairie.policy.offices import annuaire
from mairie.policy.offices.importer import import_for_commune
from plone import api
from zope.component.hooks import setSite
from zope.i18n import translate

import json
import pytest
import requests
import transaction


DAYS = "https://schema.org/"


@pytest.fixture
def folder(functional):
    portal = functional["portal"]
    setSite(portal)
    folder = services_folder(portal)
    with api.env.adopt_roles(["Manager"]):
        import_for_commune(portal, annuaire.read(SAMPLE))
        sgc = folder[SERVING_IDS["sgc"]]
        sgc.closures = [
            {"first_day": date(2026, 11, 11), "last_day": date(2026, 11, 11), "reason": "Armistice"}
        ]
        sgc.holiday_hours = [
            {
                "first_day": date(2026, 12, 21),
                "last_day": date(2026, 12, 31),
                "day": "lundi",
                "opens": "09:00",
                "closes": "12:00",
            }
        ]
        api.content.transition(obj=folder[SERVING_IDS["tj"]], transition="retract")
    transaction.commit()
    return folder


def get(url):
    response = requests.get(url, headers={"Accept-Language": "fr"}, timeout=30)
    assert response.status_code == 200
    return html.fromstring(response.text)


def jsonld(page):
    scripts = page.xpath("//script[@type='application/ld+json']")
    assert len(scripts) == 1
    return json.loads(scripts[0].text)


def test_the_office_page_and_its_json_ld(folder):
    page = get(folder[SERVING_IDS["sgc"]].absolute_url())
    data = jsonld(page)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "GovernmentOffice"
    assert data["name"] == "Service de gestion comptable d'Angers Loire Ouest"
    assert data["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "14 boulevard des Finances",
        "postalCode": "49100",
        "addressLocality": "Angers",
        "addressCountry": "FR",
    }
    assert data["telephone"] == "+33241223040"  # with its country code (issue 20)
    assert data["email"] == "sgc.angers-loire-ouest@dgfip.example.fr"
    assert data["url"] == "https://www.impots.gouv.fr"
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 47.4712, "longitude": -0.5518}
    assert "image" not in data  # the commune's logo is the mairie's, not this office's
    specs = data["openingHoursSpecification"]
    weekly = [spec for spec in specs if "validFrom" not in spec]
    mornings = next(spec for spec in weekly if spec["opens"] == "08:45")
    assert mornings["dayOfWeek"] == [
        DAYS + day for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
    ]
    assert mornings["closes"] == "12:00"
    afternoons = next(spec for spec in weekly if spec["opens"] == "13:30")
    assert afternoons["dayOfWeek"] == [
        DAYS + day for day in ("Monday", "Tuesday", "Thursday", "Friday")
    ]
    assert not any(
        DAYS + "Saturday" in spec["dayOfWeek"] or DAYS + "Sunday" in spec["dayOfWeek"]
        for spec in weekly
    )
    assert {
        "@type": "OpeningHoursSpecification",
        "opens": "00:00",
        "closes": "00:00",
        "validFrom": "2026-11-11",
        "validThrough": "2026-11-11",
    } in specs
    assert {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": [DAYS + "Monday"],
        "opens": "09:00",
        "closes": "12:00",
        "validFrom": "2026-12-21",
        "validThrough": "2026-12-31",
    } in specs
    # The page itself: the hours table, a service-public link with explicit text.
    table = page.xpath("//table[contains(@class, 'mairie-hours-week')]")[0]
    assert table.xpath("caption")
    assert len(table.xpath("tbody/tr/th[@scope='row']")) == 7
    wednesday = table.xpath("string(tbody/tr[3]/td)")
    assert "8\u00a0h\u00a045" in wednesday and "13\u00a0h\u00a030" not in wednesday
    closed = translate(_("hours_closed", default="Closed"), target_language="fr")
    assert table.xpath("string(tbody/tr[7]/td)").strip() == closed  # Sunday
    assert "8\u00a0h\u00a045" in table.xpath(
        "string(tbody/tr[1]/td)"
    ) and "16\u00a0h\u00a000" in table.xpath("string(tbody/tr[1]/td)")
    link = page.xpath("//a[contains(@href, 'lannuaire.service-public.gouv.fr')]")[0]
    assert "Service de gestion comptable" in link.text_content()


@freeze_time("2026-11-11 09:00:00", tick=True)  # UTC: 10:00 in Paris, Armistice
def test_a_closure_day_on_the_page(folder):
    page = get(folder[SERVING_IDS["sgc"]].absolute_url())
    status = page.xpath("string(//p[contains(@class, 'mairie-hours-status')])")
    assert "Armistice" in status
    assert "8\u00a0h\u00a045" in status  # opens again Thursday at 8 h 45
    assert "is-closed" in page.xpath("//p[contains(@class, 'mairie-hours-status')]/@class")[0]
    closures = page.xpath("//ul[contains(@class, 'mairie-hours-closures')]/li")
    assert "Armistice" in closures[0].text_content()


@freeze_time("2026-11-12 09:00:00", tick=True)  # UTC: Thursday 10:00 in Paris
def test_the_services_page_anonymously(folder):
    page = get(folder.absolute_url())
    kinds = [
        heading.text_content().strip()
        for heading in page.xpath("//section[contains(@class, 'mairie-services-kind')]/h2")
    ]
    assert len(kinds) == 6  # the tribunal was unpublished
    names = [
        link.text_content() for link in page.xpath("//li[contains(@class, 'mairie-service')]/h3/a")
    ]
    assert "Tribunal judiciaire d'Angers" not in names
    assert "Brigade de gendarmerie des Coteaux de Loire" in names
    gendarmerie = page.xpath(
        "//li[contains(@class, 'mairie-service')][h3/a[contains(., 'gendarmerie')]]"
    )[0]
    status = gendarmerie.xpath("string(.//p[contains(@class, 'mairie-hours-status')])")
    assert (
        "12\u00a0h\u00a000" in status
        and "is-open"
        in gendarmerie.xpath(".//p[contains(@class, 'mairie-hours-status')]/@class")[0]
    )
    assert gendarmerie.xpath(".//a[@href='tel:0241391717']")
    assert "Saint-Germain-des-Coteaux" in gendarmerie.text_content()
