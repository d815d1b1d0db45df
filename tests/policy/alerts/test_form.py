"""The alert's add form: an end before the start is refused in words, and nothing is saved."""

from datetime import datetime
from mairie.policy.alerts.content import EndBeforeStart
from mairie.policy.alerts.content import is_link
from mairie.policy.alerts.content import NotALink
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from zope.i18n import translate

import html
import lxml.html
import pytest
import requests
import transaction


def french(message) -> str:
    """A message as the French site shows it (the English default until translated)."""
    return translate(message, target_language="fr")


@pytest.fixture
def submit(site):
    session = requests.Session()
    session.auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    url = f"{site.absolute_url()}/alertes/++add++mairie.Alert"

    def post(start, end, link=""):
        form = lxml.html.fromstring(session.get(url, timeout=60).text)
        (token,) = form.cssselect("#form input[name=_authenticator]")
        return session.post(
            url,
            data={
                "_authenticator": token.get("value"),
                "form.widgets.title": "Coupure d'eau",
                "form.widgets.message": "L'eau sera coupée rue des Écoles.",
                "form.widgets.level:list": "important",
                "form.widgets.level-empty-marker": "1",
                "form.widgets.link": link,
                "form.widgets.start": start,
                "form.widgets.end": end,
                "form.buttons.save": "Enregistrer",
            },
            timeout=60,
        )

    return post


def test_end_before_start_is_refused_and_nothing_saved(submit, site):
    response = submit("2026-12-15T12:00", "2026-12-15T08:30")
    assert response.status_code == 200
    assert french(EndBeforeStart.__doc__) in html.unescape(response.text)
    transaction.begin()
    assert site["alertes"].objectIds() == []


def test_a_bad_link_is_refused_and_nothing_saved(submit, site):
    response = submit("2026-12-15T08:30", "2026-12-15T12:00", link="rue des Écoles")
    assert french(NotALink.__doc__) in html.unescape(response.text)
    transaction.begin()
    assert site["alertes"].objectIds() == []


def test_good_dates_are_saved_as_publication_dates(submit, site):
    response = submit("2026-12-15T08:30", "2026-12-15T12:00", link="/actualites/travaux")
    assert response.status_code == 200
    transaction.begin()
    (alert,) = site["alertes"].objectValues()
    assert alert.level == "important"
    # Winter in Paris: UTC+1.
    assert alert.effective_date.ISO8601() == "2026-12-15T08:30:00+01:00"
    assert alert.expiration_date.ISO8601() == "2026-12-15T12:00:00+01:00"
    assert alert.start.isoformat() == "2026-12-15T08:30:00"
    assert alert.link == "/actualites/travaux"


def test_summer_dates_keep_the_paris_hour(add_alert):
    alert = add_alert("Canicule", datetime(2027, 7, 1, 8), datetime(2027, 7, 3, 20))
    assert alert.effective_date.ISO8601() == "2027-07-01T08:00:00+02:00"
    assert alert.end == datetime(2027, 7, 3, 20)


@pytest.mark.parametrize(
    "link", ["https://www.service-public.fr/particuliers/vosdroits/F1234", "/actualites/travaux"]
)
def test_links_a_web_address_or_a_path_of_the_site(link):
    assert is_link(link)


@pytest.mark.parametrize(
    "link", ["www.example.fr", "//example.fr/x", "javascript:alert(1)", "ftp://x"]
)
def test_other_links_are_refused(link):
    with pytest.raises(NotALink):
        is_link(link)
