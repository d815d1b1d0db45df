"""French sentences for every rule a profile can break.

Keys are pydantic error types: the built-in ones a YAML file can trigger, and
the custom ones raised in ``types.py`` and ``schema.py``; each module adds its
own (``Module.messages``).
"""

from mairie.policy import _
from mairie.themes.contrast import CONTRAST_MESSAGE


_INTEGER = _("error_integer", default="a whole number is expected, got “${value}”")
_DATE = _("error_date", default="a date is expected as YYYY-MM-DD, got “${value}”")
_GROUP = _("error_group", default="a group of fields is expected")
_NUMBER = _("error_number", default="a number is expected (e.g. 74 or 74.5), got “${value}”")
_DATETIME = _(
    "error_datetime",
    default="a date and time is expected as YYYY-MM-DDTHH:MM, got “${value}”",
)

MESSAGES = {
    # Structure and types
    "missing": _("error_missing", default="a value is required"),
    "extra_forbidden": _("error_unknown_field", default="unknown field; check its spelling"),
    "string_type": _("error_text", default="a text is expected, got “${value}”"),
    "int_type": _INTEGER,
    "int_parsing": _INTEGER,
    "int_from_float": _INTEGER,
    "float_type": _NUMBER,
    "float_parsing": _NUMBER,
    "bool_type": _("error_bool", default="true or false is expected"),
    "bool_parsing": _("error_bool", default="true or false is expected"),
    "list_type": _("error_list", default="a list is expected"),
    "dict_type": _GROUP,
    "model_type": _GROUP,
    "model_attributes_type": _GROUP,
    "date_type": _DATE,
    "date_parsing": _DATE,
    "date_from_datetime_parsing": _DATE,
    "date_from_datetime_inexact": _DATE,
    "datetime_type": _DATETIME,
    "datetime_parsing": _DATETIME,
    "datetime_from_date_parsing": _DATETIME,
    "greater_than_equal": _("error_min", default="a number of at least ${ge} is expected"),
    "less_than_equal": _("error_max", default="a number of at most ${le} is expected"),
    "string_too_short": _("error_empty", default="must not be empty"),
    "string_too_long": _("error_too_long", default="at most ${max_length} characters are allowed"),
    "too_short": _("error_too_few", default="too few items (at least ${min_length})"),
    "literal_error": _("error_choice", default="one of ${expected} is expected, got “${value}”"),
    # Commune identity
    "slug": _(
        "error_slug",
        default="lowercase letters, digits and single hyphens are expected "
        "(e.g. saint-aubin-sur-loire), got “${value}”",
    ),
    "insee": _(
        "error_insee",
        default="an INSEE code of 5 characters is expected (digits, or 2A/2B "
        "followed by 3 digits for Corsica), got “${value}”",
    ),
    "siret": _("error_siret", default="a SIRET of 14 digits is expected, got “${value}”"),
    "siret_checksum": _(
        "error_siret_checksum",
        default="this SIRET fails its check digits (Luhn, on the SIREN's first 9 digits "
        "and on all 14); check it: “${value}”",
    ),
    "postal_code": _(
        "error_postal_code", default="a postal code of 5 digits is expected, got “${value}”"
    ),
    "plan": _(
        "error_plan", default="a plan of the agency file is expected (${expected}), got “${value}”"
    ),
    "template": _(
        "error_template",
        default="one of the 12 templates is expected (${expected}), got “${value}”",
    ),
    "module": _("error_module", default="a known module is expected (${expected}), got “${value}”"),
    # Contact
    "email": _("error_email", default="an e-mail address is expected, got “${value}”"),
    "phone": _(
        "error_phone",
        default="a French phone number of 10 digits is expected (e.g. 02 41 00 00 00), got “${value}”",
    ),
    "url": _(
        "error_url",
        default="a web address starting with https:// (or http://) is expected, got “${value}”",
    ),
    "hostname": _(
        "error_hostname",
        default="a domain name is expected (e.g. www.example.fr), got “${value}”",
    ),
    "host_port": _(
        "error_host_port",
        default="a server address as host:port is expected (e.g. 127.0.0.1:8081), got “${value}”",
    ),
    "cidr": _(
        "error_cidr",
        default="an IP address or network is expected (e.g. 192.0.2.0/24 or 2001:db8::/32), got “${value}”",
    ),
    "login_path": _(
        "error_login_path",
        default="a secret back-office address of 8 to 60 lowercase letters, digits and single "
        "hyphens is expected, other than Plone's own names (e.g. acces-agents-7k2p), got “${value}”",
    ),
    "color": _("error_color", default="a colour is expected as #rrggbb, got “${value}”"),
    "contrast": CONTRAST_MESSAGE,
    # Hours and council
    "time_range": _(
        "error_time_range", default="an opening range is expected as 08:30-12:00, got “${value}”"
    ),
    "time_range_order": _(
        "error_time_range_order", default="the range must end after it starts: “${value}”"
    ),
    "time_overlap": _("error_time_overlap", default="these ranges overlap: ${value}"),
    "deputy_ranks": _(
        "error_deputy_ranks",
        default="the deputies' ranks must be 1, 2, 3… each used once, got ${value}",
    ),
    # Files
    "file_missing": _(
        "error_file_missing",
        default="file “${value}” not found (paths are relative to the profile)",
    ),
    "image": _(
        "error_image",
        default="“${value}” is not an image; PNG, JPEG, GIF, WebP or SVG is expected",
    ),
    "pdf": _("error_pdf", default="“${value}” is not a PDF document"),
    # The directory
    "coordinates_pair": _(
        "error_coordinates_pair", default="give both the latitude and the longitude, or neither"
    ),
    "tile_url": _(
        "error_tile_url",
        default="a map tile address is expected, starting with https:// and holding {z}, {x} "
        "and {y} (e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png), got “${value}”",
    ),
    # The legal pages and the links
    "accessibility_audit": _(
        "error_accessibility_audit",
        default="the state “${state}” needs an audit: give the rate of RGAA criteria met "
        "(rate) and the audit date (audit_date); without an audit the state is “non”",
    ),
    "accessibility_rate": _(
        "error_accessibility_rate",
        default="the state “${state}” does not match the ${rate} % of criteria met: "
        "“totalement” needs 100 %, “partiellement” at least 50 %, below 50 % it is “non”",
    ),
    "accessibility_criteria": _(
        "error_accessibility_criteria",
        default="the RGAA 4.1 has 106 criteria: met, not_met and not_applicable add up to ${total}",
    ),
    "accessibility_criteria_rate": _(
        "error_accessibility_criteria_rate",
        default="the rate ${rate} % does not match the criteria counted: met / (met + "
        "not_met) gives ${computed} %",
    ),
    "accessibility_page_url": _(
        "error_accessibility_page_url",
        default="the address of an audited page is expected: a path on the site starting "
        "with / (e.g. /ma-mairie) or an address starting with https://, got “${value}”",
    ),
    "newsletter_widget": _(
        "error_newsletter_widget",
        default="the HTML code of the newsletter provider is expected (a form, an iframe "
        "or a script), without any template element",
    ),
}

UNKNOWN = _("error_invalid", default="invalid value: ${detail}")
