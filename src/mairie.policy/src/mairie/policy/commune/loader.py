"""Read and validate the YAML files of a commune and of the agency.

Nothing here needs Zope: an operator learns every problem of a profile in
one go, before any database is opened.
"""

from .messages import MESSAGES
from .messages import UNKNOWN
from .schema import Agency
from .schema import Profile
from .schema import profile_model
from dataclasses import dataclass
from mairie.policy import _
from mairie.policy.modules import modules
from pathlib import Path
from pydantic import ValidationError
from zope.i18nmessageid import Message

import yaml


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file: where, and what is expected."""

    source: str
    field: str
    message: Message


class ProfileError(Exception):
    """A profile (or the agency file) cannot be used as it is."""

    def __init__(self, problems: list[Problem]):
        super().__init__(problems)
        self.problems = problems


def load_agency(path: str | Path) -> Agency:
    return validate_yaml(Agency, path, {})


def load_profile(path: str | Path, agency: Agency) -> Profile:
    path = Path(path)
    return validate_yaml(profile_model(), path, {"agency": agency, "base_dir": path.parent})


def validate_yaml(model, path, context):
    """A model from a YAML file, or every problem found, as a ProfileError."""
    data = _read_yaml(Path(path))
    try:
        return model.model_validate(data, context=context)
    except ValidationError as error:
        raise ProfileError(
            [_problem(str(path), item) for item in error.errors(include_url=False)]
        ) from None


def _read_yaml(path: Path) -> dict:
    def fail(message):
        raise ProfileError([Problem(str(path), "", message)])

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        fail(_("error_no_file", default="file not found"))
    except IsADirectoryError:
        fail(_("error_is_directory", default="this is a folder, a YAML file is expected"))
    except PermissionError:
        fail(_("error_unreadable", default="the file cannot be read (permission denied)"))
    except UnicodeDecodeError:
        fail(_("error_encoding", default="the file is not UTF-8 text"))
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        fail(
            _(
                "error_yaml",
                default="invalid YAML at line ${line}, column ${column}: ${detail}",
                mapping={
                    "line": mark.line + 1 if mark else "?",
                    "column": mark.column + 1 if mark else "?",
                    "detail": getattr(error, "problem", None) or str(error),
                },
            )
        )
    if not isinstance(data, dict):
        fail(_("error_not_mapping", default="the file must hold YAML fields (key: value)"))
    return data


def _problem(source: str, error: dict) -> Problem:
    field = ""
    for part in error["loc"]:
        if isinstance(part, int):
            field += f"[{part + 1}]"
        elif part != "[key]":
            field += f".{part}" if field else str(part)
    value = error.get("input")
    mapping = {
        "value": value if isinstance(value, (str, int, float)) else "…",
        "detail": error["msg"],
        **{key: str(item) for key, item in (error.get("ctx") or {}).items()},
    }
    if error["type"] == "literal_error":
        mapping["expected"] = mapping["expected"].replace("' or '", "', '")
    message = MESSAGES.get(error["type"]) or _module_message(error["type"])
    return Problem(source, field, Message(message, mapping=mapping))


def _module_message(kind: str) -> Message:
    for module in modules().values():
        if kind in module.messages:
            return module.messages[kind]
    return UNKNOWN
