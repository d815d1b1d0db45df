"""The legal and required pages, generated from the commune and agency profiles.

Each page is a Plone Document that editors may change afterwards. To tell an
edited page from one provisioning wrote, the page keeps in an annotation the
SHA-256 of the text provisioning last wrote. ``mairie update`` rewrites a page
only while its text is still exactly that one, so that a profile change (a new
mayor, a new audit) reaches the pages nobody touched; a page edited since keeps
the editors' text and the update logs it, for someone to check it against the
profile. A page an editor deleted is created again: the law requires it.
"""

from .accessibility import percent
from .newsletter import INewsletterPage
from .plans import ACTION_PLAN
from .plans import ensure_plan_pages
from .plans import MULTIYEAR_PLAN
from .plans import RESULTS
from .texts import in_language
from .texts import LANGUAGE
from .texts import render
from dataclasses import dataclass
from hashlib import sha256
from mairie.policy import _
from mairie.policy import logger
from mairie.policy.acts.dates import long_date
from mairie.policy.commune.schema import Agency
from mairie.policy.commune.schema import Profile
from mairie.policy.hosting.proxy import Hosts
from mairie.policy.interfaces import ICommuneSettings
from mairie.policy.offices.provisioning import OFFICE
from mairie.policy.provisioning.content import MAIRIE
from mairie.policy.provisioning.content import PROCEDURES
from mairie.policy.provisioning.content import publish
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.uuid.interfaces import IUUID
from types import SimpleNamespace
from zope.annotation.interfaces import IAnnotations
from zope.i18nmessageid import Message
from zope.interface import alsoProvides


ACCESSIBILITY = "accessibilite"
LEGAL_NOTICE = "mentions-legales"
PERSONAL_DATA = "donnees-personnelles"
CONTACT = "contact"
NEWSLETTER = "lettre-d-information"
PROCUREMENT = f"{MAIRIE}/marches-publics"

GENERATED = "mairie.policy.legal.generated"


@dataclass(frozen=True)
class Page:
    path: str
    title: Message
    in_navigation: bool = False

    @property
    def template(self) -> str:
        return self.path.rpartition("/")[2]


# In this order: a page links to those made before it.
PAGES = (
    Page(
        ACCESSIBILITY,
        _("legal_page_accessibility_statement", default="Accessibility statement"),
    ),
    Page(PERSONAL_DATA, _("legal_page_personal_data", default="Personal data")),
    Page(LEGAL_NOTICE, _("legal_page_legal_notice", default="Legal notice")),
    Page(PROCUREMENT, _("legal_page_procurement", default="Public procurement"), True),
    Page(CONTACT, _("legal_page_contact", default="Contact"), True),
)
NEWSLETTER_PAGE = Page(NEWSLETTER, _("legal_page_newsletter", default="Newsletter"))

# The pages the texts link to, as resolveuid links (they survive a move or a new domain).
LINKED = {
    "office": f"{MAIRIE}/{OFFICE}",
    "contact_form": f"{PROCEDURES}/nous-contacter",
    "rights_form": f"{PROCEDURES}/donnees-personnelles",
    "accessibility": ACCESSIBILITY,
    "personal_data": PERSONAL_DATA,
    "multiyear_plan": MULTIYEAR_PLAN.id,
    "action_plan": ACTION_PLAN.id,
    "results": RESULTS.id,
}


def ensure_pages(site, profile: Profile, agency: Agency) -> None:
    """Create the missing pages; rewrite those nobody edited when the profile changed."""
    pages = PAGES + ((NEWSLETTER_PAGE,) if profile.newsletter_widget else ())
    values = _values(profile, agency)
    values["site_url"] = _site_url(site)
    values["pages_tested"] = [
        SimpleNamespace(title=page.title, url=_absolute(values["site_url"], page.url))
        for page in profile.accessibility.pages_tested
    ]
    ensure_plan_pages(site)
    for page in pages:
        html = render(page.template, links=_links(site), **values)
        item = _sync(site, page, html)
        if page is NEWSLETTER_PAGE and not INewsletterPage.providedBy(item):
            alsoProvides(item, INewsletterPage)


def _values(profile: Profile, agency: Agency) -> dict:
    accessibility, address, mayor = (
        profile.accessibility,
        profile.mairie.address,
        profile.council.mayor,
    )
    rate, audit_date = accessibility.rate, accessibility.audit_date
    return {
        "commune": profile.commune.name,
        "site_title": profile.site_title,
        "address": f"{address.street}, {address.postal_code} {address.city}",
        "phone": profile.mairie.phone,
        "email": profile.emails.contact,
        "siret": profile.commune.siret,
        "mayor": f"{mayor.first_name} {mayor.last_name}",
        "host": agency.host,
        "a11y": accessibility,
        "rate": None if rate is None else percent(rate, LANGUAGE),
        "audit_date": long_date(audit_date, target_language=LANGUAGE) if audit_date else None,
        "contact_email": profile.accessibility_contact,
        "dpo": profile.dpo,
        "buyer_profile": profile.links.buyer_profile,
        "newsletter": bool(profile.newsletter_widget),
    }


def _site_url(site) -> str:
    """The commune's address as its settings have it: a domain given by `mairie domain`
    counts, not only the profile's (provisioning stored them before)."""
    settings = site.portal_registry.forInterface(ICommuneSettings, prefix="mairie.commune")
    return f"https://{Hosts.of(site.getId(), settings).address}"


def _absolute(site_url: str, url: str) -> str:
    """An audited page's address: "/ma-mairie" is on the commune's own address."""
    return f"{site_url}{url}" if url.startswith("/") else url


def _links(site) -> SimpleNamespace:
    found = {name: _find(site, path) for name, path in LINKED.items()}
    return SimpleNamespace(
        **{
            name: None if item is None else f"resolveuid/{IUUID(item)}"
            for name, item in found.items()
        }
    )


def _find(site, path: str):
    """The item at ``path`` under the site, without acquisition (None if missing)."""
    item = site
    for name in path.split("/"):
        item = item.get(name) if item is not None else None
    return item


def _sync(site, page: Page, html: str):
    parent_path, _sep, name = page.path.rpartition("/")
    container = _find(site, parent_path) if parent_path else site
    digest = _digest(html)
    item = container.get(name)
    if item is None:
        item = api.content.create(
            container=container,
            type="Document",
            id=name,
            title=in_language(page.title),
            text=_rich_text(html),
            exclude_from_nav=not page.in_navigation,
        )
        IAnnotations(item)[GENERATED] = digest
        publish(item)
        if page.in_navigation and not parent_path:
            site.moveObjectsToBottom([name])  # last of the main navigation
        return item
    annotations = IAnnotations(item)
    generated = annotations.get(GENERATED)
    if generated == digest:
        return item
    if generated is None or _digest(item.text.raw if item.text else "") != generated:
        logger.warning(
            "%s was edited since it was generated: left as it is, check it against the profile",
            "/".join(item.getPhysicalPath()),
        )
        return item
    item.text = _rich_text(html)
    annotations[GENERATED] = digest
    item.notifyModified()
    item.reindexObject()
    return item


def _rich_text(html: str) -> RichTextValue:
    return RichTextValue(html, "text/html", "text/x-html-safe")


def _digest(text: str) -> str:
    return sha256(text.encode("utf-8")).hexdigest()
