"""ARCHITECTURE.md kept true: each package imports only the mairie packages it declares.

Read from the sources (``ast``, ZCML includes) and from each package's
``pyproject.toml``: a package may use another mairie package only if its
``dependencies`` name it; the declared dependencies have no cycle; and no
package of the core (one that registers no ``mairie.modules`` entry point)
depends on a module, which plugs in through its entry point instead.
"""

from lxml import etree
from pathlib import Path

import ast
import re
import tomllib


SRC = Path(__file__).resolve().parent.parent / "src"
MODULES_GROUP = "mairie.modules"
ZCML = "http://namespaces.zope.org/zope"


def packages() -> dict[str, dict]:
    """Each mairie package by name: its declared mairie dependencies, whether it is a module."""
    found = {}
    for pyproject in sorted(SRC.glob("*/pyproject.toml")):
        project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
        requires = {
            re.split(r"[\s<>=!~\[;]", item, maxsplit=1)[0]
            for item in project.get("dependencies", [])
        }
        found[project["name"]] = {
            "root": pyproject.parent,
            "requires": {name for name in requires if name.startswith("mairie.")},
            "module": MODULES_GROUP in project.get("entry-points", {}),
        }
    return found


def _target(name: str, known) -> str | None:
    """The mairie package a dotted name belongs to (mairie.rdv.bookings → mairie.rdv)."""
    parts = name.split(".")
    package = ".".join(parts[:2])
    return package if parts[0] == "mairie" and package in known else None


def python_uses(path: Path, known):
    """(line, package) for each import of a mairie package, at any depth of the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", None)) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names = [node.args[0].value]
        for name in names:
            target = _target(name, known)
            if target:
                yield node.lineno, target


def zcml_uses(path: Path, known):
    """(line, package) for each ``<include package="mairie.…">`` of a ZCML file."""
    for node in etree.parse(str(path)).iter(f"{{{ZCML}}}include", f"{{{ZCML}}}includeOverrides"):
        target = _target(node.get("package") or "", known)
        if target:
            yield node.sourceline, target


def forbidden_uses() -> list[str]:
    known = packages()
    found = []
    for name, package in known.items():
        allowed = package["requires"] | {name}
        for path in sorted(package["root"].rglob("*")):
            if "egg-info" in str(path) or path.suffix not in (".py", ".zcml"):
                continue
            uses = python_uses if path.suffix == ".py" else zcml_uses
            for line, target in uses(path, known):
                if target not in allowed:
                    where = path.relative_to(SRC.parent)
                    found.append(f"{where}:{line}: {name} uses {target}, which it does not declare")
    return found


def test_each_package_uses_only_what_it_declares():
    found = forbidden_uses()
    assert not found, "\n".join(found)


def test_the_declared_dependencies_have_no_cycle():
    known = packages()

    def below(name, path):
        for required in sorted(known[name]["requires"] & known.keys()):
            assert required not in path, " → ".join([*path, required])
            below(required, [*path, required])

    for name in known:
        below(name, [name])


def test_the_core_depends_on_no_module():
    known = packages()
    modules = {name for name, package in known.items() if package["module"]}
    assert modules, f"no package registers a {MODULES_GROUP} entry point"
    core = {name: package["requires"] & modules for name, package in known.items()}
    assert {
        name: sorted(found) for name, found in core.items() if found and name not in modules
    } == {}


def test_the_check_sees_a_forbidden_import(tmp_path):
    source = tmp_path / "views.py"
    source.write_text("def view():\n    from mairie.rdv.bookings import store\n")
    assert list(python_uses(source, {"mairie.rdv": {}})) == [(2, "mairie.rdv")]
