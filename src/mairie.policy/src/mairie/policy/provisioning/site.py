"""Create, update and list the communes of one Zope application."""

from . import content
from . import settings
from .demo import add as add_demo_content
from .demo import DemoContent
from .portlets import settle_portlets
from mairie.policy import _
from mairie.policy import logger
from mairie.policy.accounts.provisioning import ensure_accounts
from mairie.policy.commune.schema import Agency
from mairie.policy.commune.schema import Profile
from mairie.policy.home.provisioning import ensure_home
from mairie.policy.interfaces import CommuneProvisioned
from mairie.policy.interfaces import ICommuneSettings
from mairie.policy.interfaces import ProvisioningError
from mairie.policy.legal.provisioning import ensure_pages as ensure_legal_pages
from mairie.policy.modules import modules
from mairie.policy.offices.provisioning import ensure_mairie_office
from mairie.policy.sve.provisioning import ensure_forms
from mairie.themes.catalog import templates
from plone.app.theming.interfaces import IThemeSettings
from plone.app.theming.utils import applyTheme
from plone.app.theming.utils import getTheme
from plone.base.interfaces import IPloneSiteRoot
from plone.base.utils import get_installer
from plone.registry.interfaces import IRegistry
from Products.CMFCore.indexing import processQueue
from Products.CMFPlone.factory import addPloneSite
from zope.component import getUtility
from zope.component.hooks import setSite
from zope.event import notify


BASE_PROFILES = (
    "plone.app.contenttypes:default",
    "plone.app.layout:default",
    "plonetheme.barceloneta:default",
    "mairie.policy:default",
)
LANGUAGE = "fr"
TIMEZONE = "Europe/Paris"


def create(app, profile: Profile, agency: Agency, demo: DemoContent | None = None):
    """Create the commune's site. The caller commits, or aborts on error."""
    slug = profile.commune.slug
    if slug in app.objectIds():
        raise ProvisioningError(
            _(
                "error_site_exists",
                default="the commune “${slug}” already exists; use “mairie update” to change it",
                mapping={"slug": slug},
            )
        )
    logger.info("Creating the site of %s", slug)
    site = addPloneSite(
        app,
        slug,
        title=profile.site_title,
        profile_id="Products.CMFPlone:plone",
        extension_ids=BASE_PROFILES,
        default_language=LANGUAGE,
        portal_timezone=TIMEZONE,
    )
    _apply(site, profile, agency)
    content.create_news(site, profile)
    if demo is not None:
        add_demo_content(site, demo)
    # Index now, while the site is the current one, not at the caller's commit.
    processQueue()
    return site


def update(app, profile: Profile, agency: Agency):
    """Apply a changed profile to an existing site; running it twice changes nothing."""
    slug = profile.commune.slug
    site = app.get(slug)
    if site is None or not IPloneSiteRoot.providedBy(site):
        raise ProvisioningError(
            _(
                "error_site_missing",
                default="there is no commune “${slug}”; use “mairie create” first",
                mapping={"slug": slug},
            )
        )
    setSite(site)
    _apply(site, profile, agency)
    processQueue()
    return site


def communes(app):
    """Every commune site of the application, by id, with its settings."""
    for site in app.objectValues():
        if is_commune(site):
            setSite(site)
            registry = getUtility(IRegistry, context=site)
            yield (site, registry.forInterface(ICommuneSettings, prefix="mairie.commune"))


def is_commune(site) -> bool:
    """A Plone site with mairie.policy installed (not, say, a plain Plone site beside them)."""
    return (
        IPloneSiteRoot.providedBy(site)
        and site.portal_setup.getLastVersionForProfile("mairie.policy:default") != "unknown"
    )


def _apply(site, profile: Profile, agency: Agency) -> None:
    settings.store(site, profile, agency)
    ensure_accounts(site, profile)
    _activate_template(site, profile.commune.template)
    _sync_modules(site, profile.commune.modules)
    content.ensure_structure(site, profile)
    ensure_mairie_office(site, profile)
    content.sync_council(site, profile)
    ensure_forms(site.unrestrictedTraverse(content.PROCEDURES), profile)
    ensure_legal_pages(site, profile, agency)
    content.sync_documents(site, profile)
    content.sync_header_images(site, profile)
    ensure_home(site)
    notify(CommuneProvisioned(site, profile))
    settle_portlets(site)


def _activate_template(site, template_id: str) -> None:
    installer = get_installer(site)
    if not installer.is_product_installed("mairie.themes"):
        installer.install_product("mairie.themes")
    theme = getTheme(templates()[template_id].theme_name)
    applyTheme(theme)
    getUtility(IRegistry, context=site).forInterface(IThemeSettings).enabled = True


def _sync_modules(site, wanted) -> None:
    installer = get_installer(site)
    for name, module in modules().items():
        installed = installer.is_product_installed(module.product)
        if name in wanted and not installed:
            installer.install_product(module.product)
        elif name not in wanted and installed:
            installer.uninstall_product(module.product)
