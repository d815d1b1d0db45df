"""The alerts banner as an anonymous visitor sees it, over HTTP, with time frozen in Paris."""

from .clock import paris
from datetime import datetime
from freezegun import freeze_time
from mairie.policy.alerts.catalog import active_alerts
from Products.ZCatalog.CatalogBrains import AbstractCatalogBrain
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

import pytest
import requests


def test_shown_between_its_dates_only_and_gone_after_by_itself(add_alert, shown):
    add_alert("Travaux rue des Écoles", datetime(2026, 11, 20, 8), datetime(2026, 11, 30, 18))

    with freeze_time(paris(2026, 11, 20, 7, 59), tick=True):
        tree, alerts = shown()
        assert alerts == []
        assert not tree.cssselect(".mairie-alerts")  # nothing at all, not even an empty region
    with freeze_time(paris(2026, 11, 26, 12), tick=True):
        for path in ("", "page"):
            assert shown(path)[1] == [("information", "Travaux rue des Écoles")]
    with freeze_time(paris(2026, 11, 30, 18, 1), tick=True):
        assert shown("page")[1] == []


def test_several_alerts_most_severe_then_newest_first(add_alert, shown):
    add_alert("Ancienne info", datetime(2026, 11, 1), datetime(2026, 12, 31))
    add_alert("Coupure d'eau", datetime(2026, 11, 10), datetime(2026, 12, 31), level="important")
    add_alert("Nouvelle info", datetime(2026, 11, 20), datetime(2026, 12, 31))
    add_alert("Tempête", datetime(2026, 11, 5), datetime(2026, 12, 31), level="urgent")
    with freeze_time(paris(2026, 11, 26, 12), tick=True):
        assert shown("page")[1] == [
            ("urgent", "Tempête"),
            ("important", "Coupure d'eau"),
            ("information", "Nouvelle info"),
            ("information", "Ancienne info"),
        ]


def test_a_private_alert_is_not_shown(add_alert, shown):
    add_alert("Brouillon", datetime(2026, 11, 1), datetime(2026, 12, 31), publish=False)
    with freeze_time(paris(2026, 11, 26, 12), tick=True):
        assert shown()[1] == []


def test_markup_level_in_words_role_and_dismiss_button(add_alert, shown, site):
    add_alert("Tempête", datetime(2026, 11, 1), datetime(2026, 12, 31), level="urgent")
    add_alert(
        "Travaux",
        datetime(2026, 11, 1),
        datetime(2026, 12, 31),
        link="/actualites/travaux",
        link_text="Lire l'actualité",
    )
    with freeze_time(paris(2026, 11, 26, 12), tick=True):
        tree, _alerts = shown()
    urgent, information = tree.cssselect("[data-mairie-alert]")
    # The level is written, not only coloured.
    assert urgent.cssselect(".mairie-alert-level")[0].text_content().startswith("Urgent")
    assert information.cssselect(".mairie-alert-level")[0].text_content().startswith("Information")
    # Only an urgent alert interrupts a screen reader.
    assert urgent.get("role") == "alert"
    assert information.get("role") is None
    # The dismiss button waits for the script: hidden without JavaScript.
    for alert in (urgent, information):
        (button,) = alert.cssselect("button.mairie-alert-dismiss")
        assert button.get("type") == "button"
        assert "hidden" in button.attrib
        assert button.text_content().split()[0] in ("Hide", "Masquer")
    # A key per alert and version, for the visitor's browser to remember.
    assert urgent.get("data-mairie-alert") != information.get("data-mairie-alert")
    (link,) = information.cssselect("a")
    assert link.get("href") == f"{site.absolute_url()}/actualites/travaux"
    assert "Lire l'actualité" in link.text_content()
    # Our script and style sheet are loaded with the banner, and answer.
    (script,) = tree.cssselect(".mairie-alerts script")
    (style,) = tree.cssselect(".mairie-alerts link[rel=stylesheet]")
    for url, kind in ((script.get("src"), "javascript"), (style.get("href"), "css")):
        response = requests.get(url, timeout=60)
        assert response.status_code == 200
        assert kind in response.headers["Content-Type"]
    assert "localStorage" in requests.get(script.get("src"), timeout=60).text


def test_editing_an_alert_changes_its_key(add_alert, site):
    """A visitor who hid an alert sees it again once it is edited."""
    alert = add_alert("Travaux", datetime(2026, 11, 1), datetime(2026, 12, 31))
    assert alert.getId() == "travaux"
    with freeze_time(paris(2026, 11, 26, 12)):
        key = _keys(site)
        assert _keys(site) == key
        alert.message = "Les travaux sont prolongés."
        notify(ObjectModifiedEvent(alert))
        assert _keys(site) != key


def test_the_banner_reads_the_catalog_only(add_alert, site, monkeypatch):
    add_alert("Travaux", datetime(2026, 11, 1), datetime(2026, 12, 31))

    def no_object(brain):
        pytest.fail("the banner loaded an alert")

    monkeypatch.setattr(AbstractCatalogBrain, "getObject", no_object)
    with freeze_time(paris(2026, 11, 26, 12), tick=True):
        assert "Travaux" in _render(site)


def _keys(context):
    return [f"{brain.UID}-{brain.modified.millis()}" for brain in active_alerts(context)]


def _render(context):
    from mairie.policy.alerts.viewlets import AlertsViewlet

    viewlet = AlertsViewlet(context, context.REQUEST, None)
    viewlet.update()
    return viewlet.render()


def test_the_alert_has_its_own_page(add_alert, site):
    alert = add_alert(
        "Travaux", datetime(2026, 11, 1), datetime(2026, 12, 31), link="/actualites/travaux"
    )
    with freeze_time(paris(2026, 11, 26, 12), tick=True):
        response = requests.get(alert.absolute_url(), timeout=60)
    assert response.status_code == 200
    assert f'href="{site.absolute_url()}/actualites/travaux"' in response.text
    assert "Message de l'alerte Travaux." in response.text
