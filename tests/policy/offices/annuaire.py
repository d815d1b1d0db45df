"""The Annuaire sample the project ships: its file, the commune it serves, its offices."""

from mairie.policy.provisioning.content import publish
from paths import EXAMPLES
from plone import api


SAMPLE = EXAMPLES / "annuaire" / "annuaire-49-extrait.json"
INSEE = "49277"
SERVING_IDS = {
    "france_services": "annuaire-a3c1e6f0-5b2d-4c1e-9f0a-49277f5e0001",
    "sgc": "annuaire-b7d2f4a1-1e3c-4a5b-8c6d-49277f5e0002",
    "gendarmerie": "annuaire-c1e8a9b2-7f4d-4d2e-a1b3-49277f5e0003",
    "caf": "annuaire-d4f6b3c5-2a9e-4e7f-b2c4-49277f5e0004",
    "pole_emploi": "annuaire-e9a7c6d8-3b1f-4f8a-c3d5-49277f5e0005",
    "prefecture": "annuaire-f2b8d7e9-4c2a-4a9b-d4e6-49277f5e0006",
    "tj": "annuaire-a5c9e8f0-5d3b-4b0c-e5f7-49277f5e0007",
}


def services_folder(portal):
    """What provisioning makes: the commune's INSEE code, Démarches > Services publics."""
    api.portal.set_registry_record("mairie.commune.insee_code", INSEE)
    with api.env.adopt_roles(["Manager"]):
        procedures = api.content.create(
            container=portal, type="Folder", id="demarches", title="Démarches"
        )
        folder = api.content.create(
            container=procedures, type="Folder", id="services-publics", title="Services publics"
        )
        folder.setLayout("services-publics")
        publish(procedures)
        publish(folder)
    return folder
