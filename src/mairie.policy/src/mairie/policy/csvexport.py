"""CSV for spreadsheets: the one writer of every export of the project.

A cell a citizen or an editor typed may start like a formula (``=HYPERLINK(...)``,
``@SUM(...)``, ``-2+3+cmd|...``): Excel and LibreOffice would run it when the agent
opens the file. As OWASP advises (CSV Injection), such a cell gets a leading
apostrophe, which spreadsheets read as « this is text » and do not show.
"""

import csv
import io


# OWASP's list: the characters a spreadsheet takes as the start of a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value) -> str:
    """``value`` as text a spreadsheet shows as typed, never runs."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def to_csv(rows, delimiter=";") -> str:
    """``rows`` (the header first) as CSV text, every cell through ``cell``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows([cell(value) for value in row] for row in rows)
    return buffer.getvalue()
