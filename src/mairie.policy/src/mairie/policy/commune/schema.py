"""The commune profile and the agency file, as validated models.

Everything an agency collects at order time has a field here, even when no
feature reads it yet: provisioning stores it all in the registry.
"""

from .types import Cidr
from .types import Color
from .types import Email
from .types import Hostname
from .types import HostPort
from .types import ImageFile
from .types import InseeCode
from .types import PdfFile
from .types import Phone
from .types import PostalCode
from .types import Siret
from .types import Slug
from .types import TimeRange
from .types import Url
from datetime import date
from functools import cache
from mairie.policy.backoffice.network import LOOPBACK
from mairie.policy.backoffice.paths import is_valid_login_path
from mairie.policy.directory.tiles import is_tile_template
from mairie.policy.directory.tiles import OSM_ATTRIBUTION
from mairie.policy.directory.tiles import OSM_TILES
from mairie.policy.hours.schedule import WEEKDAYS
from mairie.policy.legal.widget import is_widget
from mairie.policy.modules import modules
from mairie.themes.catalog import templates
from mairie.themes.contrast import contrast_failure
from pydantic import BaseModel
from pydantic import ConfigDict
from pydantic import create_model
from pydantic import Field
from pydantic import field_validator
from pydantic import model_validator
from pydantic import ValidationInfo
from pydantic_core import PydanticCustomError
from typing import Literal

import re


Weekday = Literal[WEEKDAYS]
SocialNetwork = Literal[
    "facebook", "instagram", "x", "linkedin", "youtube", "mastodon", "bluesky", "tiktok"
]
Text = Field(min_length=1, max_length=200)


class Model(BaseModel):
    """Strict about unknown keys, so that a typo is reported, not ignored."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


# The agency file


class Host(Model):
    """The host named in every commune's legal notice (LCEN art. 6)."""

    name: str = Text
    address: str = Text
    phone: Phone
    email: Email
    siret: Siret | None = None


class Smtp(Model):
    host: Hostname | Literal["localhost"]
    port: int = Field(default=25, ge=1, le=65535)
    username: str | None = None
    password: str | None = None


class Plan(Model):
    title: str = Text
    quota_gb: int = Field(ge=1, le=100)


class BackOffice(Model):
    """Where the agency's requests come from (see mairie.policy.backoffice.network).

    Loopback is both a trusted proxy (a reverse proxy on the same machine,
    which must send X-Forwarded-For) and an operator network (the server
    itself). Private networks are not in the defaults: behind a proxy that is
    not declared, every visitor would seem to come from them.
    """

    trusted_proxies: list[Cidr] = list(LOOPBACK)
    operator_networks: list[Cidr] = list(LOOPBACK)


class Proxy(Model):
    """The HTTP front of a production deployment (mairie.policy.hosting).

    nginx answers the communes' domains and rewrites them for the
    VirtualHostMonster, Varnish caches what Plone marks as shareable, and a
    second nginx server balances the Zope instances. `mairie proxy` writes
    their configuration into ``config_dir`` (relative to the agency file).
    """

    listen: int = Field(default=80, ge=1, le=65535)
    cache: HostPort = "127.0.0.1:6081"
    balancer: HostPort = "127.0.0.1:6080"
    instances: list[HostPort] = Field(default=["127.0.0.1:8081", "127.0.0.1:8082"], min_length=1)
    config_dir: str = Field(default="proxy", min_length=1)
    # Run after each new configuration, e.g. "sudo systemctl reload nginx".
    reload: str | None = None


class Agency(Model):
    host: Host
    domain: Hostname
    smtp: Smtp
    plans: dict[Slug, Plan] = Field(min_length=1)
    backoffice: BackOffice = BackOffice()
    proxy: Proxy | None = None
    # Where `mairie backup` writes (relative to the agency file); default: the
    # instance's client home, var/backups.
    backups: str | None = Field(default=None, min_length=1)


# The commune profile


class Commune(Model):
    slug: Slug = Field(max_length=60)
    name: str = Text
    insee: InseeCode
    siret: Siret
    postal_codes: list[PostalCode] = Field(min_length=1)
    population: int = Field(ge=0, le=3_000_000)
    plan: Slug
    template: str
    modules: list[str] = []

    @field_validator("plan")
    @classmethod
    def _known_plan(cls, value: str, info: ValidationInfo) -> str:
        agency = (info.context or {}).get("agency")
        if agency is not None and value not in agency.plans:
            raise PydanticCustomError(
                "plan", "plan", {"value": value, "expected": ", ".join(agency.plans)}
            )
        return value

    @field_validator("template")
    @classmethod
    def _known_template(cls, value: str) -> str:
        if value not in templates():
            raise PydanticCustomError(
                "template", "template", {"value": value, "expected": ", ".join(templates())}
            )
        return value

    @field_validator("modules")
    @classmethod
    def _known_modules(cls, value: list[str]) -> list[str]:
        for module in value:
            if module not in modules():
                raise PydanticCustomError(
                    "module", "module", {"value": module, "expected": ", ".join(modules())}
                )
        return sorted(set(value))


class Emails(Model):
    noreply: Email
    contact: Email


class Palette(Model):
    primary: Color
    secondary: Color
    footer_background: Color

    @field_validator("primary", "secondary", "footer_background")
    @classmethod
    def _readable_under_white_text(cls, value: str) -> str:
        failure = contrast_failure(value)
        if failure is not None:
            raise PydanticCustomError("contrast", "contrast", failure)
        return value


class Meta(Model):
    description: str = Field(min_length=1, max_length=300)
    keywords: list[str] = []


class Identity(Model):
    logo: ImageFile | None = None
    coat_of_arms: ImageFile | None = None
    slogan: str = Field(default="", max_length=200)
    favicon: ImageFile | None = None
    header_images: list[ImageFile] = []
    palette: Palette
    meta: Meta


class Address(Model):
    street: str = Text
    postal_code: PostalCode
    city: str = Text
    # WGS84 decimal degrees of the entrance: the map, the structured data, and the
    # meeting point the ANTS's search engine places (required with the rdv module).
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)

    @model_validator(mode="after")
    def _both_coordinates_or_neither(self):
        if (self.latitude is None) != (self.longitude is None):
            raise PydanticCustomError("coordinates_pair", "coordinates_pair", {})
        return self


class Mairie(Model):
    address: Address
    phone: Phone
    opening_hours: dict[Weekday, list[TimeRange]]

    @field_validator("opening_hours")
    @classmethod
    def _ranges_do_not_overlap(cls, value: dict) -> dict:
        for day, ranges in value.items():
            ranges.sort()
            for before, after in zip(ranges, ranges[1:], strict=False):
                if before[6:] > after[:5]:
                    raise PydanticCustomError(
                        "time_overlap", "time_overlap", {"value": f"{day} : {before}, {after}"}
                    )
        return {day: value[day] for day in WEEKDAYS if day in value}


class Person(Model):
    first_name: str = Text
    last_name: str = Text
    # « madame » writes the function in the feminine (« 1re adjointe au maire »).
    civility: Literal["madame", "monsieur"] | None = None


class Deputy(Person):
    rank: int = Field(ge=1, le=20)
    delegation: str = Field(default="", max_length=300)


class Council(Model):
    mayor: Person
    deputies: list[Deputy] = []

    @model_validator(mode="after")
    def _ranks_follow_each_other(self):
        ranks = sorted(deputy.rank for deputy in self.deputies)
        if ranks != list(range(1, len(ranks) + 1)):
            raise PydanticCustomError(
                "deputy_ranks", "deputy_ranks", {"value": ", ".join(map(str, ranks))}
            )
        self.deputies.sort(key=lambda deputy: deputy.rank)
        return self


class Links(Model):
    buyer_profile: Url | None = None
    photo_gallery: Url | None = None
    interactive_publications: Url | None = None


class AuditedPage(Model):
    """A page of the audit's sample: its title, its address ("/…" on the site, or a URL)."""

    title: str = Text
    url: str = Field(default="", max_length=500)

    @model_validator(mode="before")
    @classmethod
    def _title_alone(cls, value):
        return {"title": value} if isinstance(value, str) else value

    @field_validator("url")
    @classmethod
    def _path_or_url(cls, value: str) -> str:
        if value and not re.fullmatch(r"/\S*|https?://\S+", value):
            raise PydanticCustomError(
                "accessibility_page_url", "accessibility_page_url", {"value": value}
            )
        return value


class NonConformity(Model):
    """What fails the RGAA, and the accessible alternative offered meanwhile."""

    text: str = Field(min_length=1, max_length=1000)
    alternative: str = Field(default="", max_length=1000)

    @model_validator(mode="before")
    @classmethod
    def _text_alone(cls, value):
        return {"text": value} if isinstance(value, str) else value


RGAA_CRITERIA = 106  # RGAA 4.1


class Criteria(Model):
    """The audit's count of the RGAA criteria: met, not met, not applicable."""

    met: int = Field(ge=0, le=RGAA_CRITERIA)
    not_met: int = Field(ge=0, le=RGAA_CRITERIA)
    not_applicable: int = Field(ge=0, le=RGAA_CRITERIA)

    @model_validator(mode="after")
    def _all_criteria(self):
        if self.met + self.not_met + self.not_applicable != RGAA_CRITERIA:
            raise PydanticCustomError(
                "accessibility_criteria",
                "accessibility_criteria",
                {"total": str(self.met + self.not_met + self.not_applicable)},
            )
        return self

    @property
    def rate(self) -> float | None:
        """The RGAA rate: criteria met among the applicable ones, in %."""
        applicable = self.met + self.not_met
        return round(100 * self.met / applicable, 1) if applicable else None


class Accessibility(Model):
    """The accessibility declaration (RGAA 4.1, loi 2005-102 art. 47).

    Without an audit the honest state is "non conforme", hence the defaults.
    """

    state: Literal["non", "partiellement", "totalement"] = "non"
    rate: float | None = Field(default=None, ge=0, le=100)  # % of RGAA criteria met
    audit_date: date | None = None
    audited_by: str = Field(default="", max_length=200)
    criteria: Criteria | None = None
    audit_report: Url | None = None
    audit_grid: Url | None = None
    pages_tested: list[AuditedPage] = []
    non_conformities: list[NonConformity] = []
    disproportionate_burden: list[str] = []
    out_of_scope: list[str] = []
    test_environment: list[str] = []
    tools: list[str] = []
    contact_email: Email | None = None

    @model_validator(mode="after")
    def _state_matches_the_audit(self):
        if self.state != "non" and (self.rate is None or self.audit_date is None):
            raise PydanticCustomError(
                "accessibility_audit", "accessibility_audit", {"state": self.state}
            )
        computed = self.criteria.rate if self.criteria else None  # None: no criterion applies
        if computed is not None and self.rate is not None and abs(computed - self.rate) > 0.5:
            raise PydanticCustomError(
                "accessibility_criteria_rate",
                "accessibility_criteria_rate",
                {"rate": f"{self.rate:g}", "computed": f"{computed:g}"},
            )
        if self.rate is not None and self.state != _state_for(self.rate):
            raise PydanticCustomError(
                "accessibility_rate",
                "accessibility_rate",
                {"state": self.state, "rate": f"{self.rate:g}"},
            )
        return self


def _state_for(rate: float) -> str:
    """RGAA: 100 % of criteria met is "totalement", 50 % or more "partiellement"."""
    return "totalement" if rate == 100 else "partiellement" if rate >= 50 else "non"


class Dpo(Model):
    """The data protection officer every public body designates (RGPD art. 37)."""

    name: str = Text  # a person or a body, e.g. the centre de gestion
    email: Email
    address: str = Field(default="", max_length=300)


class Document(Model):
    title: str = Text
    date: date
    file: PdfFile


class BulletinIssue(Document):
    cover: ImageFile | None = None


class Documents(Model):
    bulletins: list[BulletinIssue] = []
    council: list[Document] = []


class Security(Model):
    # The back-office's secret address (see mairie.policy.backoffice): the
    # agency chooses it, and changes it with "mairie update".
    login_path: str
    admin_ip_allowlist: list[Cidr] = []
    captcha_key: str | None = Field(default=None, max_length=200)
    # Days before an administrator must renew their password (0: never); see accounts/.
    password_max_age_days: int = Field(default=365, ge=0, le=3650)

    @field_validator("login_path")
    @classmethod
    def _login_path(cls, value: str) -> str:
        if not is_valid_login_path(value):
            raise PydanticCustomError("login_path", "login_path", {"value": value})
        return value


class Domains(Model):
    temporary: Hostname | None = None
    final: Hostname | None = None


class NewsItem(Model):
    title: str = Text
    description: str = Field(default="", max_length=500)
    date: date
    text: str = Field(min_length=1)


class Map(Model):
    """The directory map's background ("fond de carte"): OpenStreetMap by default."""

    tiles: str = OSM_TILES
    attribution: str = Field(default=OSM_ATTRIBUTION, min_length=1, max_length=300)

    @field_validator("tiles")
    @classmethod
    def _tile_template(cls, value: str) -> str:
        if not is_tile_template(value):
            raise PydanticCustomError("tile_url", "tile_url", {"value": value})
        return value


class Matomo(Model):
    """Audience measurement exempt from consent (CNIL): the commune's Matomo, its site id."""

    url: Url
    site_id: int = Field(ge=1)


class Profile(Model):
    """The core's sections; ``profile_model()`` adds the modules' own."""

    commune: Commune
    emails: Emails
    identity: Identity
    mairie: Mairie
    council: Council
    social: dict[SocialNetwork, Url] = {}
    links: Links = Links()
    newsletter_widget: str = Field(default="", max_length=5000)
    documents: Documents = Documents()
    security: Security
    domains: Domains = Domains()
    news: list[NewsItem] = []
    map: Map = Map()
    matomo: Matomo | None = None
    accessibility: Accessibility = Accessibility()
    dpo: Dpo | None = None

    @field_validator("newsletter_widget")
    @classmethod
    def _newsletter_widget(cls, value: str) -> str:
        if value and not is_widget(value):
            raise PydanticCustomError("newsletter_widget", "newsletter_widget", {"value": value})
        return value

    @property
    def site_title(self) -> str:
        """'Mairie de Saint-Aubin', 'Ville d'Angers', 'Mairie du Mans'."""
        kind = "Ville" if self.commune.plan == "ma-ville" else "Mairie"
        return f"{kind} {_of(self.commune.name)}"

    @property
    def living_in(self) -> str:
        """'Vivre à Saint-Aubin', 'Vivre au Mans', 'Vivre aux Herbiers'."""
        return f"Vivre {_to(self.commune.name)}"

    def temporary_domain(self, agency: Agency) -> str:
        return self.domains.temporary or f"{self.commune.slug}.{agency.domain}"

    @property
    def accessibility_contact(self) -> str:
        """Where visitors report an accessibility problem: the town hall unless told."""
        return self.accessibility.contact_email or self.emails.contact


@cache
def profile_model() -> type[Profile]:
    """The commune profile with each installed module's sections and rules."""
    sections = {}
    validators = {}
    for name, module in modules().items():
        for key, model in module.sections.items():
            sections[key] = (model | None, None)
        for rule, validator in module.validators.items():
            validators[f"{name}_{rule}"] = validator
    return create_model("Profile", __base__=Profile, __validators__=validators, **sections)


def _of(name: str) -> str:
    """French 'de' before a commune's name, with elision and contraction."""
    for article, contracted in (("Le ", "du "), ("Les ", "des ")):
        if name.startswith(article):
            return contracted + name[len(article) :]
    if re.match(r"[AEIOUYHÀÂÉÈÊËÎÏÔÖÙÛÜ]", name, re.IGNORECASE):
        return "d'" + name
    return "de " + name


def _to(name: str) -> str:
    """French 'à' before a commune's name, with contraction."""
    for article, contracted in (("Le ", "au "), ("Les ", "aux ")):
        if name.startswith(article):
            return contracted + name[len(article) :]
    return "à " + name
