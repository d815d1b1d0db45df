"""« Conformité de la commune »: each legal obligation, checked live on the site.

One function per obligation reads the site as it is now (its pages, settings, acts,
forms) and returns a ``Result``: met, not met (the agency or the site must fix it),
or to be done by the commune itself (what only its council or staff can write or
decide), with a French sentence saying what to do and the legal reference. The
back-office page ``@@conformite`` and the command ``mairie conformite`` show the
same results (``CommuneConformity``). The consent check needs a browser: the
command crawls the site (crawl.py) and records what it saw; here it is only read.
"""

from dataclasses import dataclass
from datetime import date
from datetime import timedelta
from mairie.policy import _
from mairie.policy.acts.dates import long_date
from mairie.policy.acts.dates import now
from mairie.policy.acts.dates import paris_time
from mairie.policy.acts.publication import file_sha256
from mairie.policy.acts.register import scdl_rows
from mairie.policy.commune.types import is_valid_siret
from mairie.policy.interfaces import IAgencySettings
from mairie.policy.interfaces import ICommuneSettings
from mairie.policy.interfaces import IMairiePolicyLayer
from mairie.policy.legal.accessibility import mention
from mairie.policy.legal.accessibility import state_label
from mairie.policy.legal.plans import PLAN_PAGES
from mairie.policy.legal.plans import written_by_the_commune
from mairie.policy.legal.provisioning import ACCESSIBILITY
from mairie.policy.legal.provisioning import LEGAL_NOTICE
from mairie.policy.legal.provisioning import PERSONAL_DATA
from mairie.policy.provisioning.content import ACTS
from mairie.policy.provisioning.content import PROCEDURES
from mairie.policy.sve.agents import sve_action
from mairie.policy.sve.health import problems as form_problems
from plone import api
from plone.app.layout.viewlets.interfaces import IPortalFooter
from plone.registry.interfaces import IRegistry
from zope.annotation.interfaces import IAnnotations
from zope.component import getUtility
from zope.component import queryMultiAdapter
from zope.i18n import translate
from zope.i18nmessageid import Message
from zope.interface import alsoProvides

import json
import re
import requests


MET = "met"
NOT_MET = "not_met"
COMMUNE = "commune"  # only the commune can do it: its council, its staff
# In this order on the page and in the command.
LABELS = {
    MET: _("conformity_status_met", default="Met"),
    NOT_MET: _("conformity_status_not_met", default="Not met"),
    COMMUNE: _("conformity_status_commune", default="To be done by the commune"),
}
CRAWL = "mairie.policy.conformity.crawl"  # the command's last consent crawl (annotation)
GENERAL_FORM = f"{PROCEDURES}/nous-contacter"  # any request, for any procedure (L112-8)
YEAR = timedelta(days=365)
WEEK = timedelta(days=7)


@dataclass(frozen=True)
class Result:
    id: str
    title: Message
    status: str
    message: Message
    reference: str


def _verdict(id: str, title: Message, reference: str):
    """The check's results: only their status and message differ."""
    return lambda status, message: Result(id, title, status, message, reference)


def _registry():
    registry = getUtility(IRegistry)
    return (
        registry.forInterface(ICommuneSettings, prefix="mairie.commune"),
        registry.forInterface(IAgencySettings, prefix="mairie.agency"),
    )


def _published(site, path):
    item = site.unrestrictedTraverse(path, None)
    if item is None or api.content.get_state(item, default=None) != "published":
        return None
    return item


def _text(item) -> str:
    raw = item.text.raw if getattr(item, "text", None) else ""
    return " ".join(re.sub(r"<[^>]+>", " ", raw).split())


def legal_notice(site) -> Result:
    commune, agency = _registry()
    title = _("conformity_legal_notice", default="Legal notice")
    reference = "LCEN (loi 2004-575), art. 6 III"
    verdict = _verdict("legal_notice", title, reference)
    page = _published(site, LEGAL_NOTICE)
    if page is None:
        return verdict(
            NOT_MET,
            _(
                "conformity_legal_notice_missing",
                default="The legal notice page is missing or not published: run « mairie "
                "update » with the commune's profile, then publish it.",
            ),
        )
    council = json.loads(commune.council or "[]")
    mayor = council[0] if council else {}
    facts = (
        (_("conformity_fact_commune", default="the commune's name"), commune.name),
        (_("conformity_fact_seat", default="its seat"), commune.address_street),
        (_("conformity_fact_phone", default="its phone"), commune.phone),
        (
            _("conformity_fact_director", default="the director of publication"),
            " ".join(filter(None, (mayor.get("first_name"), mayor.get("last_name")))),
        ),
        (_("conformity_fact_host", default="the host's name"), agency.host_name),
        (_("conformity_fact_host_address", default="its address"), agency.host_address),
        (_("conformity_fact_host_phone", default="its phone"), agency.host_phone),
    )
    text = _text(page)
    missing = [
        translate(name, target_language="fr")
        for name, value in facts
        if not value or value not in text
    ]
    if missing:
        return verdict(
            NOT_MET,
            _(
                "conformity_legal_notice_incomplete",
                default="The legal notice lacks: ${missing}. Complete the profile or the "
                "agency file and run « mairie update », or correct the page.",
                mapping={"missing": ", ".join(missing)},
            ),
        )
    return verdict(
        MET,
        _(
            "conformity_legal_notice_met",
            default="Published, with the commune, the director of publication and the host.",
        ),
    )


def accessibility_statement(site) -> Result:
    commune, _agency = _registry()
    title = _("conformity_a11y_statement", default="Accessibility statement")
    reference = "Loi 2005-102, art. 47 ; décret 2019-768, art. 3 et 7"
    verdict = _verdict("accessibility_statement", title, reference)
    page = _published(site, ACCESSIBILITY)
    if page is None:
        return verdict(
            NOT_MET,
            _(
                "conformity_a11y_statement_missing",
                default="The accessibility statement is missing or not published: run "
                "« mairie update » with the commune's profile.",
            ),
        )
    audited = commune.accessibility_audit_date
    if audited is None:
        return verdict(
            COMMUNE,
            _(
                "conformity_a11y_no_audit",
                default="The statement says « not compliant »: no RGAA audit was made. Have "
                "the site audited, then give the results to the agency for the statement.",
            ),
        )
    if now().date() - audited > YEAR:
        return verdict(
            COMMUNE,
            _(
                "conformity_a11y_old",
                default="The statement dates from ${date}, more than a year ago: have it "
                "reviewed (a new audit after any major change, at least every three "
                "years) and give the agency its new date.",
                mapping={"date": long_date(audited, target_language="fr")},
            ),
        )
    return verdict(
        MET,
        _(
            "conformity_a11y_statement_met",
            default="Published, from the audit of ${date} (less than a year ago).",
            mapping={"date": long_date(audited, target_language="fr")},
        ),
    )


def accessibility_mention(site) -> Result:
    """The footer every page carries: rendered here for the home page, as visitors get it."""
    commune, _agency = _registry()
    title = _("conformity_a11y_mention", default="Accessibility mention on every page")
    reference = "Décret 2019-768, art. 4 ; RGAA 4.1"
    verdict = _verdict("accessibility_mention", title, reference)
    expected = translate(mention(state_label(commune.accessibility_state)), target_language="fr")
    html = _footer(site)
    link = f'href="{site.absolute_url()}/{ACCESSIBILITY}"'
    if expected not in html or link not in html:
        return verdict(
            NOT_MET,
            _(
                "conformity_a11y_mention_missing",
                default="The pages do not carry « ${mention} » linked to the statement: "
                "the site's footer was changed or hidden. Ask the agency to restore it.",
                mapping={"mention": expected},
            ),
        )
    return verdict(
        MET,
        _(
            "conformity_a11y_mention_met",
            default="Every page's footer says « ${mention} » and links to the statement.",
            mapping={"mention": expected},
        ),
    )


def _footer(site) -> str:
    """The footer viewlet as the home page renders it ("" if hidden or gone)."""
    request = site.REQUEST
    alsoProvides(request, IMairiePolicyLayer)
    view = site.restrictedTraverse("@@view")
    manager = queryMultiAdapter((site, request, view), IPortalFooter, name="plone.portalfooter")
    if manager is None:
        return ""
    manager.update()
    shown = [viewlet for viewlet in manager.viewlets if viewlet.__name__ == "mairie.footer"]
    return shown[0].render() if shown else ""


def accessibility_plans(site) -> Result:
    title = _("conformity_a11y_plans", default="Multi-year plan and action plans published")
    reference = "Loi 2005-102, art. 47 II ; décret 2019-768, art. 3"
    verdict = _verdict("accessibility_plans", title, reference)
    pages = [(page, _published(site, page.id)) for page in PLAN_PAGES]
    missing = [page for page, item in pages if item is None]
    if missing:
        return verdict(
            NOT_MET,
            _(
                "conformity_a11y_plans_missing",
                default="Pages the statement links to are missing or not published: "
                "${pages}. Run « mairie upgrade », then publish them.",
                mapping={"pages": ", ".join(page.id for page in missing)},
            ),
        )
    unwritten = [item.Title() for _page, item in pages if not written_by_the_commune(item)]
    if unwritten:
        return verdict(
            COMMUNE,
            _(
                "conformity_a11y_plans_to_write",
                default="Still to write by the commune, in the back-office: ${pages} (the "
                "adopted text, or a link to its PDF).",
                mapping={"pages": " ; ".join(f"« {name} »" for name in unwritten)},
            ),
        )
    return verdict(
        MET,
        _(
            "conformity_a11y_plans_met",
            default="The multi-year plan, the year's action plan and last year's results "
            "are published.",
        ),
    )


def data_protection_officer(site) -> Result:
    commune, _agency = _registry()
    title = _("conformity_dpo", default="Personal data page with a named DPO")
    reference = "RGPD, art. 13, 37 et 39"
    verdict = _verdict("dpo", title, reference)
    page = _published(site, PERSONAL_DATA)
    if not (commune.dpo_name and commune.dpo_email):
        return verdict(
            NOT_MET,
            _(
                "conformity_dpo_none",
                default="No data protection officer is named: the commune designates one "
                "(often its centre de gestion); add the « dpo: » section to the profile and "
                "run « mairie update ».",
            ),
        )
    if page is None or commune.dpo_email not in _text(page):
        return verdict(
            NOT_MET,
            _(
                "conformity_dpo_page",
                default="The personal data page is missing, unpublished or does not give "
                "the DPO's contact (${email}): run « mairie update » or correct the page.",
                mapping={"email": commune.dpo_email},
            ),
        )
    return verdict(
        MET,
        _(
            "conformity_dpo_met",
            default="Published, with the DPO: ${name} (${email}).",
            mapping={"name": commune.dpo_name, "email": commune.dpo_email},
        ),
    )


def consent(site) -> Result:
    """What the command's last crawl in Chromium saw (crawl.py), read from the site."""
    title = _("conformity_consent", default="No third-party request before consent")
    reference = "Loi 78-17, art. 82 ; CNIL, délibération 2020-091"
    verdict = _verdict("consent", title, reference)
    crawl = IAnnotations(site).get(CRAWL)
    if crawl is None:
        return verdict(
            NOT_MET,
            _(
                "conformity_consent_never",
                default="Not checked yet: the agency runs « mairie conformite --crawl », "
                "which visits the site in a browser.",
            ),
        )
    if crawl["third_party"]:
        return verdict(
            NOT_MET,
            _(
                "conformity_consent_requests",
                default="On ${date}, pages asked other sites before the visitor's consent: "
                "${requests}. Remove the content that loads them or put it behind the "
                "consent banner.",
                mapping={"date": _crawl_day(crawl), "requests": ", ".join(crawl["third_party"])},
            ),
        )
    return verdict(
        MET,
        _(
            "conformity_consent_met",
            default="On ${date}, ${pages} pages visited in a browser asked no other site "
            "before consent.",
            mapping={"date": _crawl_day(crawl), "pages": str(len(crawl["pages"]))},
        ),
    )


def _crawl_day(crawl) -> str:
    """« 4 décembre 2026 »: the day of the visit, stored as « 2026-12-04 21:36 » (Paris)."""
    return long_date(date.fromisoformat(crawl["date"][:10]), target_language="fr")


def online_requests(site) -> Result:
    title = _("conformity_sve", default="Online requests with a complete acknowledgement")
    reference = "CRPA, L112-8, L112-11 et R112-11-1"
    verdict = _verdict("online_requests", title, reference)
    forms = [
        brain.getObject()
        for brain in api.content.find(
            context=site, portal_type="EasyForm", review_state="published", unrestricted=True
        )
    ]
    sve = [form for form in forms if sve_action(form) is not None]
    general = _published(site, GENERAL_FORM)
    if general is None or sve_action(general) is None:
        return verdict(
            NOT_MET,
            _(
                "conformity_sve_none",
                default="The general form « Nous contacter » (Démarches) does not take online "
                "requests: publish it with its online request action (SVE) switched on.",
            ),
        )
    lacking = []
    for form in sve:
        action = sve_action(form)
        reach = action.service_email or action.service_address
        if form_problems(form) or not (action.service_name and reach and action.service_phone):
            lacking.append(form.Title())
    if lacking:
        return verdict(
            NOT_MET,
            _(
                "conformity_sve_incomplete",
                default="Forms whose acknowledgement is incomplete or that cannot take "
                "requests: ${forms}. In each, give the service in charge, its e-mail or "
                "address and its phone (action « Online request »), and fix what the form "
                "page tells its editors.",
                mapping={"forms": " ; ".join(f"« {name} »" for name in lacking)},
            ),
        )
    return verdict(
        MET,
        _(
            "conformity_sve_met",
            default="${count} published forms take requests, each acknowledged with the "
            "service, its contact details, the dates and the silence rule.",
            mapping={"count": str(len(sve))},
        ),
    )


def published_acts(site) -> Result:
    title = _("conformity_acts", default="Acts published with their PDF, date and fingerprint")
    reference = "CGCT, L2131-1 et R2131-1 (ordonnance 2021-1310, décret 2021-1311)"
    verdict = _verdict("acts", title, reference)
    wrong = []
    for act in _acts(site):
        if (
            not act.file
            or act.publication_datetime is None
            or not act.sha256
            or act.sha256 != file_sha256(act.file)
        ):
            wrong.append(act.number or act.getId())
    if wrong:
        return verdict(
            NOT_MET,
            _(
                "conformity_acts_wrong",
                default="Published acts without their PDF, publication date or intact "
                "fingerprint: ${acts}. Publish a corrective act for each, and tell the "
                "agency (a fingerprint that differs means the file changed).",
                mapping={"acts": ", ".join(wrong)},
            ),
        )
    return verdict(
        MET,
        _(
            "conformity_acts_met",
            default="Every published act has its PDF, its publication date and a "
            "fingerprint that matches it.",
        ),
    )


def _acts(site):
    return [
        brain.getObject()
        for brain in api.content.find(
            context=site, portal_type="mairie.Act", review_state="published", unrestricted=True
        )
    ]


def council_publicity(site) -> Result:
    """The list of deliberations within a week of each session, the approved minutes online."""
    title = _("conformity_council", default="Deliberations and minutes of the council online")
    reference = "CGCT, L2121-25 et L2121-15 (ordonnance 2021-1310)"
    verdict = _verdict("council", title, reference)
    late, minutes = [], []
    moment = now()
    register = site.unrestrictedTraverse(ACTS, None)
    opened = register.created().asdatetime() if register is not None else moment
    for brain in api.content.find(
        context=site, portal_type="mairie.CouncilSession", unrestricted=True
    ):
        session = brain.getObject()
        start = paris_time(session.start) if session.start else None
        if start is None or start > moment - WEEK:
            continue
        if start < opened:
            continue  # held before the site published acts: put online elsewhere
        day = f"{start:%Y-%m-%d}"
        acts = [act for act in _acts(site) if getattr(act, "session", None) == session.UID()]
        if any(paris_time(act.publication_datetime) > start + WEEK for act in acts):
            late.append(day)
        if session.minutes_approved and (
            not session.minutes or api.content.get_state(session, default=None) != "published"
        ):
            minutes.append(day)
    if late or minutes:
        return verdict(
            NOT_MET,
            _(
                "conformity_council_late",
                default="Sessions whose deliberations were put online more than a week after "
                "the session: ${late}; approved minutes not online: ${minutes}. Publish the "
                "deliberations within a week of each session, and each approved "
                "procès-verbal with its session.",
                mapping={"late": ", ".join(late) or "-", "minutes": ", ".join(minutes) or "-"},
            ),
        )
    return verdict(
        MET,
        _(
            "conformity_council_met",
            default="The deliberations of each session were online within a week, and "
            "each approved procès-verbal is online.",
        ),
    )


def open_data(site) -> Result:
    """The register's SCDL « Délibérations » rows, by the schema's own rules."""
    title = _("conformity_open_data", default="Open data export of the deliberations")
    reference = "CRPA, L312-1-1 ; schéma SCDL « Délibérations »"
    verdict = _verdict("open_data", title, reference)
    register = site.unrestrictedTraverse(ACTS, None)
    if register is None:
        return verdict(
            NOT_MET,
            _(
                "conformity_open_data_no_register",
                default="The register of acts is missing: run « mairie update ».",
            ),
        )
    problems = []
    for row in scdl_rows(register):
        if not is_valid_siret(row["COLL_SIRET"] or ""):
            problems.append(f"{row['DELIB_ID']}: COLL_SIRET")
        if not re.fullmatch(r"\d\.\d{1,2}", row["DELIB_MATIERE_CODE"] or ""):
            problems.append(f"{row['DELIB_ID']}: DELIB_MATIERE_CODE")
        if not all(row[column] for column in ("COLL_NOM", "DELIB_ID", "DELIB_OBJET")):
            problems.append(f"{row['DELIB_ID']}: COLL_NOM, DELIB_ID, DELIB_OBJET")
    if problems:
        return verdict(
            NOT_MET,
            _(
                "conformity_open_data_invalid",
                default="The export (@@actes.csv) breaks the SCDL schema: ${problems}. Give "
                "each deliberation its ACTES sub-subject (e.g. 7.1); a SIRET problem is for "
                "the agency (profile).",
                mapping={"problems": " ; ".join(problems)},
            ),
        )
    return verdict(
        MET,
        _(
            "conformity_open_data_met",
            default="The register's export follows the SCDL « Délibérations » schema.",
        ),
    )


def https(site) -> Result:
    commune, _agency = _registry()
    title = _("conformity_https", default="HTTPS on the commune's own domain")
    reference = "Référentiel général de sécurité (RGS) ; ANSSI"
    verdict = _verdict("https", title, reference)
    domain = commune.final_domain
    if not domain:
        return verdict(
            NOT_MET,
            _(
                "conformity_https_no_domain",
                default="The site has no domain of its own yet, only the temporary address: "
                "the agency gives it with « mairie domain ».",
            ),
        )
    try:
        requests.head(f"https://{domain}/", timeout=10, allow_redirects=False)
    except requests.exceptions.SSLError as error:
        return verdict(
            NOT_MET,
            _(
                "conformity_https_certificate",
                default="https://${domain}/ answers without a valid certificate: the agency "
                "renews or installs it (${error}).",
                mapping={"domain": domain, "error": type(error).__name__},
            ),
        )
    except requests.exceptions.ConnectionError:
        return verdict(
            COMMUNE,
            _(
                "conformity_https_dns",
                default="${domain} does not lead to the site yet: the commune asks the "
                "registrar of its domain to point it to the agency's servers.",
                mapping={"domain": domain},
            ),
        )
    except requests.RequestException as error:
        return verdict(
            NOT_MET,
            _(
                "conformity_https_fails",
                default="https://${domain}/ does not answer with a valid certificate "
                "(${error}): the agency checks the domain's DNS and its certificate.",
                mapping={"domain": domain, "error": type(error).__name__},
            ),
        )
    return verdict(
        MET,
        _(
            "conformity_https_met",
            default="https://${domain}/ answers with a valid certificate.",
            mapping={"domain": domain},
        ),
    )


CHECKS = (
    legal_notice,
    accessibility_statement,
    accessibility_mention,
    accessibility_plans,
    data_protection_officer,
    consent,
    online_requests,
    published_acts,
    council_publicity,
    open_data,
    https,
)


def run(site) -> list[Result]:
    """Every check, in the order of the page and the command."""
    return [check(site) for check in CHECKS]


def record_crawl(site, pages: list[str], third_party: list[str]) -> None:
    """Keep what the command's crawl saw, for the consent check (and the page)."""
    IAnnotations(site)[CRAWL] = {
        "date": f"{now():%Y-%m-%d %H:%M}",
        "pages": list(pages),
        "third_party": sorted(set(third_party)),
    }
