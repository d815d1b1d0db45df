"""Demo public services: an Annuaire de l'administration file imported at creation."""

from . import annuaire
from .importer import import_for_commune
from mairie.policy.commune.schema import Model
from pathlib import Path
from pydantic import field_validator
from pydantic import ValidationInfo
from pydantic_core import PydanticCustomError


class DemoServices(Model):
    """``file``: relative to demo.yaml; ``kinds``: the kinds shown (all but the mairie if empty)."""

    file: str
    kinds: list[str] = []

    @field_validator("file")
    @classmethod
    def _readable_annuaire_file(cls, value: str, info: ValidationInfo) -> str:
        path = (Path((info.context or {}).get("base_dir", ".")) / value).resolve()
        if not path.is_file():
            raise PydanticCustomError("file_missing", "file_missing", {"value": value})
        return str(path)


def add_services(site, demo: DemoServices | None) -> None:
    if demo is not None:
        import_for_commune(site, annuaire.read(demo.file), demo.kinds)
