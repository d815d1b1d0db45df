"""A commune with the `payfip` module: its PayFiP settings and its ready-made payment forms.

Runs at `mairie create` and `mairie update` (the ICommuneProvisioned event),
after the site's structure exists. Settings come from the profile's
``payfip:`` section when it has one; the forms are created once, in
« Démarches », then left to the editors.
"""

from .interfaces import IPayfipSettings
from .references import DEFAULT
from .references import PRESETS
from mairie.payfip import _
from mairie.policy.french import fr
from mairie.policy.provisioning.content import PROCEDURES
from mairie.policy.provisioning.content import publish
from plone import api
from plone.base.utils import get_installer
from plone.registry.interfaces import IRegistry
from zope.component import getUtility


FOLDER = f"{PROCEDURES}/paiement-en-ligne"

# (id, title, objet sent to PayFiP, explanation)
FORMS = (
    (
        "cantine-scolaire",
        _("payfip_form_canteen", default="School canteen"),
        "Cantine scolaire",
        _(
            "payfip_form_canteen_explanation",
            default="The reference and the amount are at the top right of your canteen bill, "
            "under « Référence » and « Montant à payer ».",
        ),
    ),
    (
        "eau-et-assainissement",
        _("payfip_form_water", default="Water and sanitation"),
        "Eau et assainissement",
        _(
            "payfip_form_water_explanation",
            default="The reference and the amount are on the payment slip at the bottom of "
            "your water bill, under « Référence » and « Montant TTC ».",
        ),
    ),
)


def provision(event) -> None:
    site, profile = event.site, event.profile
    if "payfip" not in profile.commune.modules:
        return
    if not get_installer(site).is_product_installed("mairie.payfip"):
        return
    if profile.payfip is not None:
        apply_settings(site, profile.payfip)
    ensure_forms(site)


def apply_settings(site, section) -> None:
    proxy = getUtility(IRegistry, context=site).forInterface(
        IPayfipSettings, prefix="mairie.payfip"
    )
    values = {
        "numcli": section.numcli,
        "environment": section.environment,
        "protocol": section.protocol,
        "direct_debit": section.direct_debit,
    }
    if section.service_url:
        values["service_url"] = section.service_url
    if section.payment_page_url:
        values["payment_page_url"] = section.payment_page_url
    for name, value in values.items():
        if getattr(proxy, name) != value:
            setattr(proxy, name, value)


def ensure_forms(site) -> None:
    """The « Paiement en ligne » folder and its two forms, when missing."""
    parent_path, _sep, name = FOLDER.rpartition("/")
    parent = site.unrestrictedTraverse(parent_path)
    folder = parent.get(name)
    if folder is None:
        folder = api.content.create(
            container=parent,
            type="Folder",
            id=name,
            title=fr(_("payfip_folder", default="Online payment")),
            description=fr(
                _(
                    "payfip_folder_description",
                    default="Pay your town hall bills online, by card or direct debit, "
                    "through PayFiP, the public finances' payment service.",
                )
            ),
        )
        publish(folder)
    protocol = api.portal.get_registry_record("mairie.payfip.protocol", default="PES")
    preset = PRESETS.get(protocol, DEFAULT)
    for form_id, title, objet, explanation in FORMS:
        if form_id in folder:
            continue
        form = api.content.create(
            container=folder,
            type="mairie.PaymentForm",
            id=form_id,
            title=fr(title),
            explanation=fr(explanation),
            objet=objet,
            reference_pattern=preset.pattern,
            reference_min_length=preset.min_length,
            reference_max_length=preset.max_length,
        )
        publish(form)
