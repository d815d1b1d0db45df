"""The layer's site with news and agenda folders as provisioning makes them, and events."""

from .events import PARIS
from mairie.policy.provisioning.content import publish
from plone import api
from zope.component.hooks import setSite

import pytest
import transaction


@pytest.fixture
def site(functional):
    portal = functional["portal"]
    setSite(portal)
    # Commune sites bind Plone's simple publication workflow; the layer's site has none.
    portal.portal_workflow.setDefaultChain("simple_publication_workflow")
    with api.env.adopt_roles(["Manager"]):
        for name, title, layout in (
            ("actualites", "Actualités", "liste-des-actualites"),
            ("agenda", "Agenda", "event_listing"),
        ):
            folder = api.content.create(container=portal, type="Folder", id=name, title=title)
            folder.setLayout(layout)
            publish(folder)
    transaction.commit()
    return portal


@pytest.fixture
def add_event(site):
    def add(title, start, end, place="Salle des Coteaux", private=False, **fields):
        with api.env.adopt_roles(["Manager"]):
            event = api.content.create(
                container=site["agenda"],
                type="Event",
                title=title,
                start=PARIS.localize(start),
                end=PARIS.localize(end),
                location=place,
                **fields,
            )
            if not private:
                publish(event)
        transaction.commit()
        return event

    return add
