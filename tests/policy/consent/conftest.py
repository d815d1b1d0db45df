"""A published page with a YouTube video, and a directory with a located entry."""

from .video import EMBED
from mairie.policy.directory.tiles import OSM_TILES
from plone import api
from plone.app.textfield.value import RichTextValue
from zope.component.hooks import setSite

import pytest
import transaction


@pytest.fixture
def site_url(functional):
    portal = functional["portal"]
    setSite(portal)
    # As on a commune's site: a workflow, the map's tiles from the profile.
    api.portal.get_tool("portal_workflow").setChainForPortalTypes(
        ["Document"], ["simple_publication_workflow"]
    )
    api.portal.set_registry_record("mairie.commune.map_tiles", OSM_TILES)
    with api.env.adopt_roles(["Manager"]):
        document = api.content.create(
            container=portal,
            type="Document",
            id="voeux",
            title="Les vœux du maire",
            text=RichTextValue(EMBED, "text/html", "text/x-html-safe"),
        )
        api.content.transition(obj=document, transition="publish")
        directory = api.content.create(
            container=portal, type="mairie.Directory", id="annuaire", title="Annuaire"
        )
        api.content.transition(obj=directory, transition="publish")
        entry = api.content.create(
            container=directory,
            type="mairie.DirectoryEntry",
            id="boulangerie",
            title="Boulangerie des Coteaux",
            category="commerces",
            street="1 place de la Mairie",
            postal_code="49170",
            city="Saint-Aubin-sur-Loire",
            latitude=47.3913,
            longitude=-0.4008,
        )
        api.content.transition(obj=entry, transition="publish")
    transaction.commit()
    return portal.absolute_url()
