"""The site's search offers pages, not the agenda's settings (« Nom court : urbanisme »)."""

from mairie.policy.provisioning import site as provisioning
from plone.app.testing import SITE_OWNER_NAME
from plone.testing.zope import login
from zope.component.hooks import setSite

import requests
import transaction


def test_services_and_counters_are_not_search_results(functional, demo_profile, agency):
    app = functional["app"]
    login(app.acl_users, SITE_OWNER_NAME)
    site = provisioning.create(app, demo_profile, agency)
    agenda = site["demarches"]["rendez-vous"]
    service_url = agenda["urbanisme"].absolute_url()
    counter_url = agenda["accueil"].absolute_url()
    agenda_url = agenda.absolute_url()
    setSite(None)
    transaction.commit()
    base = f"http://{functional['host']}:{functional['port']}/{site.getId()}"
    for view, words in (
        ("@@search", "urbanisme"),
        ("@@ajax-search", "urbanisme"),
        ("@@search", "accueil"),
    ):
        page = requests.get(f"{base}/{view}", params={"SearchableText": words}, timeout=60).text
        page = page.replace(base, site.absolute_url())
        assert f'{service_url}"' not in page, view
        assert f'{counter_url}"' not in page, view
    # The agenda itself, a page for visitors, is still found.
    page = requests.get(f"{base}/@@search", params={"SearchableText": "rendez-vous"}, timeout=60)
    assert agenda_url.replace(site.absolute_url(), base) in page.text
