from mairie.policy import _
from mairie.policy.backoffice.network import LOOPBACK
from plone.formwidget.namedfile.interfaces import INamedFileWidget
from zope import schema
from zope.interface import Attribute
from zope.interface import implementer
from zope.interface import Interface
from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class ProvisioningError(Exception):
    """The commune cannot be created or updated as asked."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class OperationRefused(Exception):
    """A backup or restore refused before changing anything (bad backup, deployment)."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class OperationError(Exception):
    """A backup or restore failed midway; the data in use is left as it was."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class CountersUnavailable(Exception):
    """The counters in the database (mairie.policy.counters) cannot be read or written."""


class IMairiePolicyLayer(IDefaultBrowserLayer):
    """Marker interface of the mairie.policy browser layer."""


class ICommuneProvisioned(Interface):
    """A commune site was created or updated from its profile (structure in place).

    Optional modules subscribe to add their own content, so the policy needs
    not know their types.
    """

    site = Attribute("The Plone site")
    profile = Attribute("The commune's Profile")


@implementer(ICommuneProvisioned)
class CommuneProvisioned:
    def __init__(self, site, profile):
        self.site = site
        self.profile = profile


class IBackOfficeLoginRequest(Interface):
    """Marks a request that came in through the commune's secret login path."""


class ICspSources(Interface):
    """Origins a feature needs in the Content-Security-Policy (see headers/csp.py).

    Register one as a named utility; every response's policy adds them.
    """

    def sources(registry):
        """A mapping of directive (e.g. "img-src") to origins, from the site's registry."""


class IBackOfficeRefused(Interface):
    """Marks the ``Forbidden`` raised for an address that may not reach the back-office.

    A marker rather than a subclass: ZPublisher and plone.transformchain
    derive the HTTP status from the exception's class name.
    """


class IUploadWidget(INamedFileWidget):
    """An editor's file field that forgets a refused file (uploads/widget.py)."""


def _line(title, ascii=False):
    field = schema.ASCIILine if ascii else schema.TextLine
    return field(title=title, required=False, default="")


def _lines(title):
    return schema.Tuple(title=title, value_type=schema.TextLine(), required=False, default=())


class ICommuneSettings(Interface):
    """The commune profile, as provisioning stores it (prefix mairie.commune).

    Every package reads the commune's facts here, so no value is typed twice.
    """

    # Identity
    slug = _line(_("Slug"), ascii=True)
    name = _line(_("Commune name"))
    insee_code = _line(_("INSEE code"), ascii=True)
    siret = _line(_("SIRET"), ascii=True)
    postal_codes = _lines(_("Postal codes"))
    population = schema.Int(title=_("Population"), required=False, default=0)
    plan = _line(_("Plan"), ascii=True)
    plan_title = _line(_("Plan name"))
    plan_quota_gb = schema.Int(title=_("Storage quota (GB)"), required=False, default=1)
    template = _line(_("Graphic template"), ascii=True)
    modules = _lines(_("Modules"))
    # E-mail
    email_noreply = _line(_("Sender address (no-reply)"), ascii=True)
    email_contact = _line(_("Contact address"), ascii=True)
    # Look
    slogan = _line(_("Slogan"))
    coat_of_arms = schema.Bytes(title=_("Coat of arms"), required=False)
    palette_primary = _line(_("Primary colour"), ascii=True)
    palette_secondary = _line(_("Secondary colour"), ascii=True)
    palette_footer_background = _line(_("Footer background colour"), ascii=True)
    meta_description = schema.Text(title=_("Site description"), required=False, default="")
    meta_keywords = _lines(_("Keywords"))
    # The mairie
    address_street = _line(_("Street"))
    address_postal_code = _line(_("Postal code"), ascii=True)
    address_city = _line(_("City"))
    address_latitude = schema.Float(
        title=_("Latitude of the mairie"), required=False, default=None, min=-90.0, max=90.0
    )
    address_longitude = schema.Float(
        title=_("Longitude of the mairie"), required=False, default=None, min=-180.0, max=180.0
    )
    phone = _line(_("Phone"))
    opening_hours = schema.Dict(
        title=_("Opening hours"),
        description=_("Per weekday, the opening ranges, e.g. 08:30-12:00 13:30-17:00"),
        key_type=schema.ASCIILine(),
        value_type=schema.TextLine(),
        required=False,
        default={},
    )
    council = schema.Text(
        title=_("Mayor and deputies"),
        description=_("As JSON, in the legal order: the mayor, then deputies by rank"),
        required=False,
        default="[]",
    )
    # Links
    social_links = schema.Dict(
        title=_("Social networks"),
        key_type=schema.ASCIILine(),
        value_type=schema.TextLine(),
        required=False,
        default={},
    )
    buyer_profile_url = _line(_("Buyer profile (public procurement)"))
    photo_gallery_url = _line(_("Photo gallery"))
    interactive_publications_url = _line(_("Interactive publications"))
    newsletter_widget = schema.Text(title=_("Newsletter widget"), required=False, default="")
    # Security and addresses
    admin_ip_allowlist = _lines(_("Back-office IP allowlist"))
    login_path = _line(_("Back-office login path"), ascii=True)
    captcha_key = _line(_("Captcha key"))
    temporary_domain = _line(_("Temporary address"), ascii=True)
    final_domain = _line(_("Final domain"), ascii=True)
    # The directory's map
    map_tiles = _line(_("Map tiles (URL template)"), ascii=True)
    map_attribution = _line(_("Map attribution"))
    # Audience measurement exempt from consent (consent/matomo.py)
    matomo_url = _line(_("Matomo address"), ascii=True)
    matomo_site_id = schema.Int(title=_("Matomo site id"), required=False, default=0)
    # The accessibility declaration (legal/); "non" until an audit says otherwise
    accessibility_state = schema.Choice(
        title=_("Accessibility compliance"),
        values=("non", "partiellement", "totalement"),
        required=False,
        default="non",
    )
    accessibility_rate = schema.Float(
        title=_("RGAA criteria met (%)"), required=False, default=None, min=0.0, max=100.0
    )
    accessibility_audit_date = schema.Date(title=_("Accessibility audit date"), required=False)
    accessibility_audited_by = _line(_("Accessibility audit by"))
    accessibility_pages_tested = _lines(_("Pages tested"))
    accessibility_non_conformities = _lines(_("Known non-conformities"))
    accessibility_disproportionate_burden = _lines(_("Disproportionate burden exemptions"))
    accessibility_out_of_scope = _lines(_("Content out of scope"))
    accessibility_test_environment = _lines(_("Test environment"))
    accessibility_tools = _lines(_("Accessibility test tools"))
    accessibility_contact_email = _line(_("Accessibility contact"), ascii=True)
    # The data protection officer (legal/)
    dpo_name = _line(_("Data protection officer"))
    dpo_email = _line(_("Data protection officer's e-mail"), ascii=True)
    dpo_address = _line(_("Data protection officer's address"))


class IAgencySettings(Interface):
    """The agency hosting the commune (prefix mairie.agency), for the legal notice."""

    host_name = _line(_("Host"))
    host_address = _line(_("Host address"))
    host_phone = _line(_("Host phone"))
    host_email = _line(_("Host e-mail"), ascii=True)
    host_siret = _line(_("Host SIRET"), ascii=True)
    domain = _line(_("Agency domain"), ascii=True)
    # Who may reach the back-office (see backoffice/network.py)
    trusted_proxies = schema.Tuple(
        title=_("Trusted proxies"),
        value_type=schema.TextLine(),
        required=False,
        default=LOOPBACK,
    )
    operator_networks = schema.Tuple(
        title=_("Operator networks"),
        value_type=schema.TextLine(),
        required=False,
        default=LOOPBACK,
    )
