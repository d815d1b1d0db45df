from mairie.policy.provisioning.content import publish
from plone import api
from zope.component.hooks import setSite

import lxml.html
import pytest
import requests
import transaction


@pytest.fixture
def site(functional):
    """The layer's site with an alerts section and a second page, published."""
    portal = functional["portal"]
    setSite(portal)
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(
            container=portal, type="mairie.Alerts", id="alertes", title="Alertes"
        )
        api.content.transition(obj=folder, transition="publish")
        page = api.content.create(container=portal, type="Document", id="page", title="Une page")
        publish(page)  # the layer site has no default workflow: then it is public
    transaction.commit()
    return portal


@pytest.fixture
def add_alert(site):
    def add(title, start, end, level="information", publish=True, **fields):
        with api.env.adopt_roles(["Manager"]):
            alert = api.content.create(
                container=site["alertes"],
                type="mairie.Alert",
                title=title,
                message=fields.pop("message", f"Message de l'alerte {title}."),
                level=level,
                start=start,
                end=end,
                **fields,
            )
            if publish:
                api.content.transition(obj=alert, transition="publish")
        transaction.commit()
        return alert

    return add


@pytest.fixture
def shown(site):
    """The alerts an anonymous visitor sees on a page: (level, title) in order, and the page."""

    def fetch(path=""):
        response = requests.get(f"{site.absolute_url()}/{path}", timeout=60)
        assert response.status_code == 200
        tree = lxml.html.fromstring(response.text)
        return tree, [
            (
                alert.get("class").split()[-1].removeprefix("mairie-alert-"),
                alert.findtext(".//strong[2]"),
            )
            for alert in tree.cssselect("[data-mairie-alert]")
        ]

    return fetch
