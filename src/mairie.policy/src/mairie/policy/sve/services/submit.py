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
from plone.restapi.deserializer import json_body
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


class SubmitPost(Service):
    def reply(self):
        action = sve_action(self.context)
        if action is None:
            self.request.response.setStatus(404)
            message = _("error_sve_no_action", default="This form takes no request.")
            return {"message": self._fr(message)}
        values, errors = self._values(json_body(self.request))
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
            try:
                values[name] = deserializer(raw) if deserializer else raw
                validator.validate(values[name])
            except ValidationError as error:
                errors[name] = self._fr(error.doc())
            except Invalid as error:
                errors[name] = self._fr(error.args[0])
            except ValueError as error:
                errors[name] = str(error)
        return values, errors

    def _fr(self, message):
        return translate(message, context=self.request)
