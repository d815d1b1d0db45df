"""The optional modules a commune can switch on, found through their entry points.

A module is an add-on of its own that builds on mairie.policy and is never
imported by it. It declares one ``Module`` in its ``pyproject.toml``::

    [project.entry-points."mairie.modules"]
    rdv = "mairie.rdv.module:MODULE"

The entry point's name is the module's name in a commune profile
(``commune.modules``). The core reads what the module contributes from that
object: the add-on to install, its section of the commune profile, the rules
it adds to the profile, the French of their errors, its ``mairie``
sub-commands, the types it adds to the site's sections. What it does when a
commune is provisioned is its own subscriber to ``ICommuneProvisioned``, in
its ZCML (which test layers load for every module found here).

Nothing here needs Zope: ``mairie check`` validates a profile before any
database is opened.
"""

from collections.abc import Callable
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field
from functools import cache
from importlib.metadata import entry_points


GROUP = "mairie.modules"


@dataclass(frozen=True)
class Command:
    """A ``mairie`` sub-command: ``run`` gets the opened Zope application, returns its report."""

    name: str
    help: str  # French, as the core's own sub-commands
    run: Callable[[object], str]


@dataclass(frozen=True)
class Module:
    # The add-on installed on a commune that has the module: its product id, also the
    # package whose ZCML is loaded (its GenericSetup profile is "<product>:default").
    product: str
    # Its own sections of the commune profile: YAML key -> pydantic model (optional there).
    sections: Mapping[str, type] = field(default_factory=dict)
    # Pydantic validators added to the profile, e.g. field_validator("mairie")(...).
    validators: Mapping[str, object] = field(default_factory=dict)
    # French for the pydantic error types its sections and validators raise.
    messages: Mapping[str, object] = field(default_factory=dict)
    commands: tuple[Command, ...] = ()
    # Section path of the site -> the module's types offered there (« Ajout d'un élément »).
    allowed_types: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@cache
def modules() -> dict[str, Module]:
    """Every installed module by name, in the order of their names."""
    found = sorted(entry_points(group=GROUP), key=lambda entry: entry.name)
    return {entry.name: entry.load() for entry in found}
