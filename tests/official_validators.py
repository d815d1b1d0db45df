"""Validators written by others, run on what the site serves (issue 20).

Each one must run: a validator that cannot start fails the test that calls it.

- iCalendar: the ``ical`` library (Apache-2.0, Home Assistant's strict RFC 5545
  parser: value types, components, time zones) in a separate Python process, as a
  test-only program, plus the RFC's rules it leaves to the producer (required and
  single properties, line folding, CRLF, time zones referenced and defined).
"""

from pathlib import Path

import subprocess
import sys


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
