"""A directory with entries of every kind: published or not, with or without coordinates."""

from plone import api

import pytest


ENTRIES = (
    # id, title, category, description, coordinates, published
    (
        "boulangerie",
        "Boulangerie des Coteaux",
        "commerces",
        "Pain au levain",
        (47.3913, -0.4008),
        True,
    ),
    (
        "pharmacie",
        "Pharmacie de la Loire",
        "sante",
        "Pharmacie de garde : 3237",
        (47.3918, -0.4021),
        True,
    ),
    ("cabinet", "Cabinet médical du Bourg", "sante", "Deux médecins généralistes", None, True),
    (
        "coteaux",
        "Les Coteaux en fête",
        "associations",
        "Comité des fêtes",
        (47.3942, -0.4061),
        True,
    ),
    (
        "brouillon",
        "Club de pétanque",
        "associations",
        "Fiche en préparation",
        (47.39, -0.40),
        False,
    ),
)


def fill(directory):
    """The entries above in the directory; the directory itself published."""
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=directory, transition="publish")
        for name, title, category, description, coordinates, published in ENTRIES:
            latitude, longitude = coordinates or (None, None)
            entry = api.content.create(
                container=directory,
                type="mairie.DirectoryEntry",
                id=name,
                title=title,
                category=category,
                description=description,
                street="1 place de la Mairie",
                postal_code="49170",
                city="Saint-Aubin-sur-Loire",
                latitude=latitude,
                longitude=longitude,
            )
            if published:
                api.content.transition(obj=entry, transition="publish")
    return directory


@pytest.fixture
def directory(portal):
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(
            container=portal, type="mairie.Directory", id="annuaire", title="Annuaire"
        )
    return fill(folder)


@pytest.fixture
def fill_directory():
    """For layers other than the integration one (the functional layer's portal)."""
    return fill
