"""The ready-made request forms of every commune, in the « Démarches » folder."""

from dataclasses import dataclass
from mairie.policy import _
from mairie.policy.commune.schema import Profile
from mairie.policy.french import fr
from mairie.policy.provisioning.content import publish
from pathlib import Path
from plone import api
from plone.app.textfield.value import RichTextValue
from string import Template
from xml.sax.saxutils import escape
from zope.i18nmessageid import Message

import html


MODELS = Path(__file__).parent / "models"

# (id, title, description, fields model, prefix, manual review, retention in months)
FORMS = (
    (
        "nous-contacter",
        _("sve_form_contact", default="Contact us"),
        _("sve_form_contact_description", default="Write to the town hall: any question."),
        "contact.xml",
        "CONTACT",
        False,
        12,
    ),
    (
        "donnees-personnelles",
        _("sve_form_personal_data", default="Exercise your rights over your personal data"),
        _(
            "sve_form_personal_data_description",
            default="Access, rectification, erasure of your data, objection to their "
            "processing: the town hall answers within one month of receipt; this delay "
            "can be extended by two months for a complex request, and you are then told "
            "so within the first month.",
        ),
        "donnees-personnelles.xml",
        "RGPD",
        False,
        36,
    ),
    (
        "faire-une-demande",
        _("sve_form_request", default="Make a request to the town hall"),
        _(
            "sve_form_request_description",
            default="Any request to the town hall by electronic means (saisine par voie "
            "électronique): it is numbered, registered and acknowledged.",
        ),
        "demande.xml",
        "DEMANDE",
        True,
        24,
    ),
)


@dataclass(frozen=True)
class Service:
    """The service in charge of the requests, as the acknowledgements and the notice name it."""

    name: str
    email: str
    address: str
    phone: str

    @classmethod
    def of_profile(cls, profile: Profile) -> "Service":
        address = profile.mairie.address
        return cls(
            name=profile.site_title,
            email=str(profile.emails.contact),
            address=f"{address.street}, {address.postal_code} {address.city}",
            phone=str(profile.mairie.phone),
        )

    @classmethod
    def of_site(cls, site) -> "Service":
        """The commune's settings as provisioning stored them (registry mairie.commune.*)."""

        def record(name):
            return api.portal.get_registry_record(f"mairie.commune.{name}", default="") or ""

        town = " ".join(filter(None, (record("address_postal_code"), record("address_city"))))
        return cls(
            name=site.Title(),
            email=record("email_contact"),
            address=", ".join(filter(None, (record("address_street"), town))),
            phone=record("phone"),
        )


def ensure_forms(folder, profile: Profile) -> None:
    """Create the missing forms; those already there are the editors' to change."""
    service = Service.of_profile(profile)
    for name, title, description, model, prefix, manual_review, retention in FORMS:
        if name in folder:
            continue
        form = create_form(
            folder,
            fr(title),
            fr(description),
            (MODELS / model).read_text(encoding="utf-8"),
            actions_model(service, prefix, manual_review, retention),
            notice(service, retention),
            id=name,
        )
        publish(form)


def create_form(container, title, description, fields, actions, epilogue, id=None):
    """An EasyForm taking requests, with the RGPD notice under its fields."""
    return api.content.create(
        container=container,
        type="EasyForm",
        id=id,
        title=title,
        description=description,
        fields_model=fields,
        actions_model=actions,
        formEpilogue=RichTextValue(epilogue, "text/html", "text/x-html-safe"),
        submitLabel=fr(_("sve_submit", default="Send")),
        # The thank-you page recalls what was given, not the empty honeypot.
        includeEmpties=False,
    )


def actions_model(
    service: Service,
    prefix: str,
    manual_review: bool,
    retention: int,
    email_field: str = "email",
    recipients: tuple = (),
) -> str:
    values = {
        "prefix": prefix,
        "email_field": email_field,
        "service_name": service.name,
        "service_email": service.email,
        "service_address": service.address,
        "service_phone": service.phone,
        "appeal_means": fr(
            _(
                "sve_appeal_means",
                default="Within two months of the decision, you may ask the mayor to review it "
                "(recours gracieux) or bring it before the administrative court (tribunal "
                "administratif), also online at www.telerecours.fr.",
            )
        ),
        "manual_review": str(manual_review),
        "retention_months": str(retention),
    }
    values = {key: escape(value) for key, value in values.items()}
    values["recipients"] = "".join(
        f"<element>{escape(address)}</element>"
        for address in (recipients or [service.email])
        if address
    )
    template = Template((MODELS / "actions.xml").read_text(encoding="utf-8"))
    return template.substitute(values)


def notice(service: Service, retention: int) -> str:
    """The information notice of RGPD article 13, shown under the form."""
    mapping = {
        "controller": service.name,
        "address": service.address,
        "email": service.email,
        "months": str(retention),
    }
    paragraphs = (
        _(
            "sve_notice_controller",
            default="The data you give are processed by ${controller}, ${address}, "
            "to register, acknowledge and answer your request (saisine par voie électronique, "
            "articles L112-8 and following of the code des relations entre le public et "
            "l'administration): a task in the public interest and a legal obligation.",
        ),
        _(
            "sve_notice_recipients",
            default="Only the agents of the town hall in charge of your request receive them. "
            "They are kept ${months} months after receipt, then deleted.",
        ),
        _(
            "sve_notice_rights",
            default="You may access your data, have them rectified or erased, object to or "
            "limit their processing, by writing to ${email} or with the form « Exercise your "
            "rights over your personal data ». If you think your rights are not respected, you "
            "may lodge a complaint with the CNIL (www.cnil.fr).",
        ),
    )
    heading = html.escape(fr(_("sve_notice_title", default="Your personal data")))
    body = "".join(f"<p>{html.escape(fr(Message(p, mapping=mapping)))}</p>" for p in paragraphs)
    return f"<h2>{heading}</h2>{body}"
