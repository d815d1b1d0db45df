"""« Paiement en ligne (PayFiP) » in the site setup: the settings, validated."""

from mairie.payfip.interfaces import NotANumcli
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from zope.globalrequest import getRequest
from zope.i18n import translate

import html
import re
import requests
import transaction


AUTH = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)


def setting(name):
    """The value the web server saved (plone.registry caches values per request)."""
    transaction.begin()
    getRequest().other.pop("_plone_registry_cache", None)
    return api.portal.get_registry_record(f"mairie.payfip.{name}")


def save(url, **values):
    session = requests.Session()
    session.auth = AUTH
    got = session.get(url, timeout=30)
    assert got.status_code == 200, (got.status_code, got.text[-2000:])
    page = got.text
    data = {
        "form.widgets.numcli": "123456",
        "form.widgets.environment:list": "T",
        "form.widgets.protocol:list": "PES",
        "form.widgets.service_url": "https://www.payfip.gouv.fr/tpa/services/securite",
        "form.widgets.payment_page_url": "https://www.payfip.gouv.fr/tpa/paiementws.web",
        "form.buttons.save": "Enregistrer",
        "_authenticator": re.search(r'name="_authenticator"[^>]* value="([^"]+)"', page).group(1),
    }
    data.update(values)
    return session.post(url, data=data, timeout=30)


def test_settings_saved_and_bad_numcli_refused(site):
    url = f"{site.absolute_url()}/@@payfip-controlpanel"
    assert requests.get(url, timeout=30, allow_redirects=False).status_code in (302, 401, 404)

    saved = save(url, **{"form.widgets.numcli": "654321", "form.widgets.environment:list": "X"})
    assert saved.status_code == 200
    assert setting("numcli") == "654321"
    assert setting("environment") == "X"

    response = save(url, **{"form.widgets.numcli": "12345"})
    expected = translate(NotANumcli.__doc__, target_language="fr")
    assert expected in html.unescape(response.text)
    assert setting("numcli") == "654321"
