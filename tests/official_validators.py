"""Validators written by others, run on what the site serves (issue 20).

Each one must run: a validator that cannot start fails the test that calls it.

- iCalendar: the ``ical`` library (Apache-2.0, Home Assistant's strict RFC 5545
  parser: value types, components, time zones) in a separate Python process, as a
  test-only program, plus the RFC's rules it leaves to the producer (required and
  single properties, line folding, CRLF, time zones referenced and defined).
- SCDL « Délibérations »: frictionless (MIT), the table-schema engine under
  Validata, against the schema's own file (``schemas/scdl-deliberations/``), and
  the schema's ``custom_checks``, which Validata runs and frictionless does not,
  written here after their documented meaning (the SIRET one with python-stdnum,
  the library Validata uses).
"""

from frictionless import Resource
from frictionless import Schema
from pathlib import Path
from stdnum.fr import siret

import json
import operator
import subprocess
import sys
import unicodedata


STRICT_ICAL = """
import sys
from ical.calendar_stream import IcsCalendarStream
from ical.exceptions import CalendarParseError

try:
    IcsCalendarStream.calendar_from_ics(sys.stdin.buffer.read().decode("utf-8"))
except CalendarParseError as error:
    sys.exit(f"{error}\\n{error.detailed_error}")
"""

# RFC 5545 3.6 and 3.7: properties a component MUST carry once, and MUST NOT repeat.
REQUIRED = {"VCALENDAR": {"PRODID", "VERSION"}, "VEVENT": {"UID", "DTSTAMP", "DTSTART"}}
ONCE = {
    "VCALENDAR": {"PRODID", "VERSION", "CALSCALE", "METHOD"},
    "VEVENT": {
        "UID",
        "DTSTAMP",
        "DTSTART",
        "DTEND",
        "DURATION",
        "SUMMARY",
        "DESCRIPTION",
        "LOCATION",
        "URL",
        "CLASS",
        "CREATED",
        "LAST-MODIFIED",
        "SEQUENCE",
        "STATUS",
        "TRANSP",
    },
    "VTIMEZONE": {"TZID"},
}


def assert_strict_icalendar(data: bytes) -> None:
    """Fail with the validator's message unless ``data`` is a valid RFC 5545 calendar."""
    result = subprocess.run(
        [sys.executable, "-c", STRICT_ICAL],
        input=data,
        capture_output=True,
        check=False,
        timeout=120,
        cwd=Path(__file__).parent,
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    problems = _rule_problems(data)
    assert not problems, "\n".join(problems)


def _rule_problems(data: bytes) -> list[str]:
    problems = []
    if not data.endswith(b"\r\n") or b"\n" in data.replace(b"\r\n", b""):
        problems.append("lines must end with CRLF (RFC 5545 3.1)")
    physical = data.split(b"\r\n")
    problems += [
        f"line longer than 75 octets: {line[:40]!r}…" for line in physical if len(line) > 75
    ]
    text = data.decode("utf-8").replace("\r\n ", "").replace("\r\n\t", "")
    stack, defined, referenced = [], set(), set()
    for line in text.split("\r\n"):
        if not line:
            continue
        name, _sep, value = line.partition(":")
        name, *params = name.split(";")
        name = name.upper()
        referenced |= {param[5:] for param in params if param.upper().startswith("TZID=")}
        if name == "BEGIN":
            stack.append((value.upper(), []))
        elif name == "END":
            component, names = stack.pop()
            problems += _component_problems(component, names)
        elif stack:
            stack[-1][1].append(name)
            if name == "TZID" and stack[-1][0] == "VTIMEZONE":
                defined.add(value)
    if stack:
        problems.append(f"components left open: {[component for component, _ in stack]}")
    problems += [f"TZID {tzid} used without its VTIMEZONE" for tzid in referenced - defined]
    return problems


def _component_problems(component: str, names: list[str]) -> list[str]:
    problems = [
        f"{component} lacks {name}"
        for name in sorted(REQUIRED.get(component, ()))
        if name not in names
    ]
    problems += [
        f"{component} has {name} {names.count(name)} times"
        for name in sorted(ONCE.get(component, ()))
        if names.count(name) > 1
    ]
    if component == "VEVENT" and "DTEND" in names and "DURATION" in names:
        problems.append("VEVENT has both DTEND and DURATION")
    return problems


SCDL_DELIBERATIONS = Path(__file__).parent / "schemas" / "scdl-deliberations" / "schema.json"
# The first level of the ACTES nomenclature, before the « / » of DELIB_MATIERE_NOM.
ACTES_DOMAINS = {
    "commande publique",
    "urbanisme",
    "domaine et patrimoine",
    "fonction publique",
    "institutions et vie politique",
    "libertes publiques et pouvoirs de police",
    "finances locales",
    "domaines de competences par themes",
    "autres domaines de competences",
}
COMPARISONS = {">=": operator.ge, ">": operator.gt, "<=": operator.le, "<": operator.lt}


def scdl_deliberations_errors(data: bytes) -> list[str]:
    """What Validata would report on an SCDL « Délibérations » CSV, as readable lines."""
    descriptor = json.loads(SCDL_DELIBERATIONS.read_text(encoding="utf-8"))
    report = Resource(data=data, format="csv", schema=Schema.from_descriptor(descriptor)).validate()
    errors = [
        f"row {row} {field}: {kind} ({note})"
        for row, field, kind, note in report.flatten(["rowNumber", "fieldName", "type", "note"])
    ]
    rows = Resource(data=data, format="csv").read_rows()
    for number, row in enumerate(rows, start=2):
        for check in descriptor["custom_checks"]:
            problem = _custom_check(check["name"], check["params"], row)
            if problem:
                errors.append(f"row {number} {check['params']['column']}: {problem}")
    return errors


def _custom_check(name: str, params: dict, row) -> str | None:
    value = _text(row.get(params["column"]))
    if name == "french-siret-value":
        return None if siret.is_valid(value) else f"« {value} » is not a valid SIRET"
    if name == "nomenclature-actes-value":
        domain = _plain(value.partition("/")[0])
        return None if domain in ACTES_DOMAINS else f"« {value} » is not in the ACTES nomenclature"
    if name == "year-interval-value":
        first, _sep, last = value.partition("/")
        if value and last and not int(first) < int(last):
            return f"« {value} » is not an interval of years"
        if value and not last and params.get("allow-year-only") != "yes":
            return f"« {value} » is a year, not an interval"
        return None
    if name == "cohesive-columns-value":
        columns = [params["column"], *params["othercolumns"]]
        filled = {bool(_text(row.get(column))) for column in columns}
        return None if len(filled) == 1 else f"{', '.join(columns)} filled together or not at all"
    values = [row.get(column) for column in _columns(name, params)]
    if any(value is None for value in values):
        return None
    if name == "compare-columns-value":
        compare = COMPARISONS[params["op"]]
        if not compare(values[0], values[1]):
            return f"not {params['column']} {params['op']} {params['column2']}"
        return None
    if name == "sum-columns-value":
        total = sum(values[1:])
        return None if values[0] == total else f"{values[0]} is not the sum {total}"
    raise AssertionError(f"custom check {name} unknown to this test: write it")


def _columns(name: str, params: dict) -> list[str]:
    if name == "compare-columns-value":
        return [params["column"], params["column2"]]
    return [params["column"], *params["columns"]]


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _plain(text: str) -> str:
    """Lower case without accents: the nomenclature check accepts either."""
    decomposed = unicodedata.normalize("NFD", text.strip().lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
