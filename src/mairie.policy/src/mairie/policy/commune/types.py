"""Field types of the commune and agency profiles.

Each validator raises a ``PydanticCustomError`` whose type names the rule
broken; ``messages.py`` turns that type into a French sentence.
"""

from email_validator import EmailNotValidError
from email_validator import validate_email
from ipaddress import ip_network
from lxml import etree
from mairie.policy.hours.schedule import parse_time
from mairie.policy.pdf import looks_like_pdf
from pathlib import Path
from PIL import Image
from PIL import UnidentifiedImageError
from pydantic import AfterValidator
from pydantic import ValidationInfo
from pydantic_core import PydanticCustomError
from typing import Annotated
from urllib.parse import urlsplit

import re


def _fail(kind: str, value) -> None:
    raise PydanticCustomError(kind, kind, {"value": str(value)})


def matching(kind: str, pattern: str):
    """A text field that must match ``pattern``; the error type is ``kind`` (modules use it too)."""
    regex = re.compile(pattern)

    def check(value: str) -> str:
        value = value.strip()
        if not regex.fullmatch(value):
            _fail(kind, value)
        return value

    return AfterValidator(check)


Slug = Annotated[str, matching("slug", r"[a-z0-9]+(?:-[a-z0-9]+)*")]
InseeCode = Annotated[str, matching("insee", r"(?:\d{5}|2[AB]\d{3})")]
PostalCode = Annotated[str, matching("postal_code", r"\d{5}")]
Color = Annotated[str, matching("color", r"#(?:[0-9a-fA-F]{3}){1,2}")]
Hostname = Annotated[
    str,
    matching("hostname", r"(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}"),
]
# A server's address on the deployment's network: 127.0.0.1:8081, zope2.lan:8080.
HostPort = Annotated[
    str,
    matching(
        "host_port",
        r"(?:localhost|\d{1,3}(?:\.\d{1,3}){3}|(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63})"
        r":(?:[1-9]\d{0,3}|[1-5]\d{4}|6[0-4]\d{3}|65[0-4]\d{2}|655[0-2]\d|6553[0-5])",
    ),
]


# La Poste's establishments share one SIREN and, the head office aside, carry
# no Luhn key: INSEE's documented exception is a digit sum that is a multiple of 5.
LA_POSTE_SIREN = "356000000"


def _luhn(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        number = int(char) * (2 if index % 2 else 1)
        total += number - 9 if number > 9 else number
    return total % 10 == 0


def is_valid_siret(digits: str) -> bool:
    """A SIRET (14 digits) is valid when its SIREN (first 9) and itself both pass
    their Luhn check, as INSEE computes them; or, for La Poste, by its digit sum."""
    if not re.fullmatch(r"\d{14}", digits):
        return False
    if digits[:9] == LA_POSTE_SIREN and sum(map(int, digits)) % 5 == 0:
        return True
    return _luhn(digits[:9]) and _luhn(digits)


def _siret(value: str) -> str:
    digits = value.replace(" ", "")
    if not re.fullmatch(r"\d{14}", digits):
        _fail("siret", value)
    if not is_valid_siret(digits):
        _fail("siret_checksum", value)
    return digits


Siret = Annotated[str, AfterValidator(_siret)]


def _phone(value: str) -> str:
    digits = re.sub(r"[\s.\-]", "", value)
    if digits.startswith("+33"):
        digits = "0" + digits[3:]
    if not re.fullmatch(r"0[1-9]\d{8}", digits):
        _fail("phone", value)
    return " ".join(digits[i : i + 2] for i in range(0, 10, 2))


Phone = Annotated[str, AfterValidator(_phone)]


def _email(value: str) -> str:
    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError:
        _fail("email", value)


Email = Annotated[str, AfterValidator(_email)]


def _url(value: str) -> str:
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or "." not in (parts.hostname or ""):
        _fail("url", value)
    return value.strip()


Url = Annotated[str, AfterValidator(_url)]


def _cidr(value: str) -> str:
    try:
        return str(ip_network(value.strip(), strict=False))
    except ValueError:
        _fail("cidr", value)


Cidr = Annotated[str, AfterValidator(_cidr)]


def _time_range(value: str) -> str:
    """« 08:30-12:00 » (« 8h30 - 12h00 » too), read by the opening hours' own reader."""
    opens, _dash, closes = value.replace("h", ":").partition("-")
    start, end = parse_time(opens), parse_time(closes)
    if start is None or end is None:
        _fail("time_range", value)
    if start >= end:
        _fail("time_range_order", value)
    return f"{start:%H:%M}-{end:%H:%M}"


TimeRange = Annotated[str, AfterValidator(_time_range)]


def _local_file(value: str, info: ValidationInfo) -> Path:
    base = Path((info.context or {}).get("base_dir", "."))
    path = (base / value).resolve()
    if not path.is_file():
        _fail("file_missing", value)
    return path


def _is_svg(path: Path) -> bool:
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    try:
        root = etree.parse(str(path), parser).getroot()
    except etree.XMLSyntaxError:
        return False
    return etree.QName(root).localname == "svg"


def _image(value: str, info: ValidationInfo) -> Path:
    path = _local_file(value, info)
    if path.suffix.lower() == ".svg":
        if not _is_svg(path):
            _fail("image", value)
        return str(path)
    try:
        with Image.open(path) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError):
        _fail("image", value)
    return str(path)


ImageFile = Annotated[str, AfterValidator(_image)]


def _pdf(value: str, info: ValidationInfo) -> Path:
    path = _local_file(value, info)
    with path.open("rb") as stream:
        if not looks_like_pdf(stream.read(1024)):
            _fail("pdf", value)
    return str(path)


PdfFile = Annotated[str, AfterValidator(_pdf)]
