"""POST @demande: the same checks, numbering and acknowledgements as the web form.

Each answer goes through the validators the web form uses (z3c.form's, with
EasyForm's per-field validators, its TALES validator and its largest-file
setting), looked up for EasyForm's own form view.
"""

from ..agents import sve_action
from ..submission import Refused
from ..submission import submit
from collective.easyform.api import get_schema
from collective.easyform.browser.view import EasyFormForm
from collective.easyform.config import FORM_ERROR_MARKER
from collective.easyform.interfaces import ILabel
from mairie.policy import _
from plone.namedfile.interfaces import INamedField
from plone.restapi.deserializer import json_body
from plone.restapi.exceptions import DeserializationError
from plone.restapi.interfaces import IFieldDeserializer
from plone.restapi.services import Service
from z3c.form.interfaces import IValidator
from zope.component import getMultiAdapter
from zope.component import queryMultiAdapter
from zope.i18n import translate
from zope.interface import Invalid
from zope.schema import getFieldsInOrder
from zope.schema import ValidationError
from zope.schema.interfaces import RequiredMissing

import base64


class SubmitPost(Service):
    def reply(self):
        action = sve_action(self.context)
        if action is None:
            self.request.response.setStatus(404)
            message = _("error_sve_no_action", default="This form takes no request.")
            return {"message": self._fr(message)}
        try:
            body = json_body(self.request)
        except DeserializationError:  # not JSON, or not an object
            self.request.response.setStatus(400)
            message = _(
                "error_sve_body",
                default="The body of the request must be a JSON object of the form's answers.",
            )
            return {"message": self._fr(message)}
        values, errors = self._values(body)
        status = 400
        if not errors:
            try:
                record = submit(self.context, action, values, self.request)
            except Refused as refused:
                errors, status = refused.errors, refused.status
            else:
                self.request.response.setStatus(201)
                return {"number": record.number, "received": record.received.isoformat()}
        self.request.response.setStatus(status)
        return {
            "message": self._fr(_("error_sve_refused", default="The request was not registered.")),
            "errors": [
                {"field": "" if name == FORM_ERROR_MARKER else name, "message": message}
                for name, message in errors.items()
            ],
        }

    def _values(self, body):
        values, errors = {}, {}
        view = EasyFormForm(self.context, self.request)
        for name, field in getFieldsInOrder(get_schema(self.context)):
            if ILabel.providedBy(field):
                continue
            raw = body.get(name)
            if raw in (None, "", [], {}):
                if field.required:
                    errors[name] = self._fr(RequiredMissing.__doc__)
                continue
            deserializer = queryMultiAdapter(
                (field, self.context, self.request), IFieldDeserializer
            )
            validator = getMultiAdapter((self.context, self.request, view, field, None), IValidator)
            if INamedField.providedBy(field) and not _is_attachment(raw):
                errors[name] = self._fr(ATTACHMENT)
                continue
            try:
                values[name] = deserializer(raw) if deserializer else raw
                validator.validate(values[name])
            except ValidationError as error:
                errors[name] = self._fr(error.doc())
            except Invalid as error:
                errors[name] = self._fr(error.args[0])
            except (ValueError, TypeError):
                # A value of the wrong type: the deserializers' messages are
                # English and technical.
                errors[name] = self._fr(WRONG_SHAPE)
        return values, errors

    def _fr(self, message):
        return translate(message, context=self.request)


ATTACHMENT = _(
    "error_sve_attachment_shape",
    default='Send a file as {"data": "<base64>", "encoding": "base64", "filename": "…", '
    '"content-type": "…"}.',
)
WRONG_SHAPE = _("error_sve_wrong_shape", default="This value does not have the expected form.")


def _is_attachment(raw) -> bool:
    """The only shape of file the service takes: plone.restapi's, in base64.

    plone.restapi's deserializer would also take a dict without data (the
    field's current value: none here), a bare string, and any codec by name,
    zlib's included: a small body could decompress into gigabytes.
    """
    if not (
        isinstance(raw, dict)
        and isinstance(raw.get("data"), str)
        and raw.get("encoding") == "base64"
        and all(isinstance(raw.get(key, ""), str) for key in ("filename", "content-type"))
    ):
        return False
    try:
        # plone.restapi's decoding drops what is not base64 and keeps the rest.
        base64.b64decode(raw["data"], validate=True)
    except ValueError:
        return False
    return True
