"""The Annuaire sample the project ships, and a site ready to import it."""

from .annuaire import SAMPLE

import json
import pytest


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
