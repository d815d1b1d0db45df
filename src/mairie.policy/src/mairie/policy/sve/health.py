"""What keeps a form from taking requests, told to its editors before a citizen meets it.

Each problem is a French sentence for the editor; a form without the SVE action
that never took a request is a plain EasyForm, none of this module's business.
"""

from .agents import sve_action
from .fields import email_field_name
from .newform import taken_prefixes
from .records import requests_of
from collective.easyform.api import get_actions
from collective.easyform.api import get_schema
from mairie.policy import _
from plone import api
from zope.schema import getFieldsInOrder


def problems(form) -> list:
    """The form's settings that cannot work, as messages; an empty list when all is well."""
    action = sve_action(form, enabled=False)
    if action is None:
        if requests_of(form) is not None:
            return [
                _(
                    "sve_problem_action_missing",
                    default="The online request action (SVE) was removed from this form: it "
                    "takes no more requests. Those received stay under « Requests received ».",
                )
            ]
        if not any(a.required for _name, a in getFieldsInOrder(get_actions(form))):
            return [
                _(
                    "sve_problem_no_action",
                    default="This form has no active action: what people send is neither "
                    "registered nor mailed to anyone.",
                )
            ]
        return []
    found = []
    if not action.required:
        found.append(
            _(
                "sve_problem_action_disabled",
                default="The online request action (SVE) is switched off: the form registers "
                "no request and a person who sends it is told nothing.",
            )
        )
    schema = get_schema(form)
    email_field = email_field_name(schema, action.email_field)
    if email_field is None:
        found.append(
            _(
                "sve_problem_no_email_field",
                default="The form has no e-mail field: every request is refused, since the "
                "acknowledgement must be sent to the person. Add a field of type « E-mail ».",
            )
        )
    elif not schema[email_field].required:
        found.append(
            _(
                "sve_problem_email_optional",
                default="The e-mail field « ${field} » is optional: a request without an address "
                "is refused. Make the field required.",
                mapping={"field": schema[email_field].title},
            )
        )
    if not [address for address in action.recipients if address]:
        found.append(
            _(
                "sve_problem_no_recipient",
                default="No agent is notified of the requests: give at least one address in "
                "« Agents notified of each request ».",
            )
        )
    if action.prefix in taken_prefixes(api.portal.get(), but=form):
        found.append(
            _(
                "sve_problem_prefix_taken",
                default="Another form numbers its requests with the prefix « ${prefix} »: "
                "give this one a prefix of its own.",
                mapping={"prefix": action.prefix},
            )
        )
    if not action.service_name.strip():
        found.append(
            _(
                "sve_problem_no_service",
                default="The service in charge is not named: the acknowledgement of receipt "
                "must name it.",
            )
        )
    if not (action.service_email or "").strip() and not (action.service_address or "").strip():
        found.append(
            _(
                "sve_problem_no_service_contact",
                default="The service has neither an e-mail nor a postal address: the "
                "acknowledgement of receipt must give one.",
            )
        )
    if not _has_text(form.formEpilogue):
        found.append(
            _(
                "sve_problem_no_notice",
                default="No information notice on personal data under the form (« Form "
                "Epilogue »): the RGPD requires one.",
            )
        )
    return found


def _has_text(value) -> bool:
    return bool(value is not None and (getattr(value, "raw", value) or "").strip())
