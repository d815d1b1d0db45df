"""The Annuaire sample the project ships, and a site ready to import it."""

from mairie.policy.provisioning.content import publish
from pathlib import Path
from plone import api

import json
import pytest


ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "examples" / "annuaire" / "annuaire-49-extrait.json"
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


@pytest.fixture
def records():
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


@pytest.fixture
def write_annuaire(tmp_path, records):
    """Write the sample, changed by a function, where a test can break it."""

    def write(change=lambda records: None, text=None):
        path = tmp_path / "annuaire.json"
        if text is None:
            change(records)
            text = json.dumps(records, ensure_ascii=False)
        path.write_text(text, encoding="utf-8")
        return path

    return write


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
