"""The agents' pages: a form's requests, one request, the CSV export, the erasure."""

from . import agents
from .mails import as_text
from .mails import french_date
from .records import get_request
from .records import STATUSES
from .submission import answer_fields
from collective.easyform.api import get_schema
from mairie.policy import _
from mairie.policy.csvexport import to_csv
from mairie.policy.hours.schedule import french_time
from mairie.policy.querystring import bounded_int
from plone import api
from plone.base.batch import Batch
from plone.memoize.view import memoize
from plone.namedfile.browser import ALLOWED_INLINE_MIMETYPES
from plone.namedfile.utils import extract_media_type
from plone.namedfile.utils import safe_basename
from plone.namedfile.utils import set_headers
from plone.namedfile.utils import stream_data
from plone.protect import CheckAuthenticator
from plone.transformchain.interfaces import DISABLE_TRANSFORM_REQUEST_KEY
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from zExceptions import NotFound
from zope.i18n import translate


STATUS_LABELS = {
    "recue": _("sve_status_received", default="Received"),
    "en-cours": _("sve_status_in_progress", default="In progress"),
    "traitee": _("sve_status_done", default="Processed"),
    "rejetee": _("sve_status_rejected", default="Rejected"),
}


class StatusChoices:
    def statuses(self):
        return [{"id": status, "label": STATUS_LABELS[status]} for status in STATUSES]


class RequestsView(StatusChoices, BrowserView):
    """A form's requests, newest first, filtered by status and words, 50 a page."""

    page_size = 50

    def status(self):
        status = self.request.form.get("statut", "")
        return status if status in STATUSES else ""

    def text(self):
        return str(self.request.form.get("q", ""))[:200]

    @memoize
    def batch(self):
        start = bounded_int(self.request.form.get("b_start"), default=0, low=0, high=10**6)
        found = agents.search(self.context, self.status(), self.text())
        return Batch(found, self.page_size, start)

    def rows(self):
        return [describe(self.context, record) for record in self.batch()]


class RequestsCSV(RequestsView):
    """The filtered requests as CSV, with a BOM so that Excel reads UTF-8."""

    def __call__(self):
        fields = answer_fields(self.context)
        schema = get_schema(self.context)
        header = [
            self._fr(_("sve_column_number", default="Number")),
            self._fr(_("sve_column_received", default="Received")),
            self._fr(_("sve_column_status", default="Status")),
            *(self._fr(title) for _name, title in fields),
        ]
        rows = [
            [
                record.number,
                record.received.isoformat(),
                self._fr(STATUS_LABELS[record.status]),
                *(as_text(record.data.get(name, ""), schema.get(name)) for name, _title in fields),
            ]
            for record in agents.search(self.context, self.status(), self.text())
        ]
        response = self.request.response
        response.setHeader("Content-Type", "text/csv; charset=utf-8")
        response.setHeader(
            "Content-Disposition", f'attachment; filename="demandes-{self.context.getId()}.csv"'
        )
        return "\ufeff" + to_csv([header, *rows])

    def _fr(self, message):
        return translate(message, context=self.request)


class RequestView(StatusChoices, BrowserView):
    """One request: its answers, its history, its status to change."""

    def record(self):
        record = get_request(self.context, str(self.request.form.get("numero", "")))
        if record is None:
            raise NotFound(self.context, "numero", self.request)
        return record

    def __call__(self):
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            record = self.record()
            status = self.request.form.get("statut")
            if status in STATUSES and status != record.status:
                agents.change_status(self.context, record, status, api.user.get_current().getId())
                IStatusMessage(self.request).add(
                    _("msg_sve_status_changed", default="The status was changed."), "info"
                )
            self.request.response.redirect(
                f"{self.context.absolute_url()}/@@demande?numero={record.number}"
            )
            return ""
        return self.index()

    def details(self):
        record = self.record()
        described = describe(self.context, record)
        schema = get_schema(self.context)
        described["answers"] = [
            {
                "title": title,
                "name": name,
                "value": as_text(record.data[name], schema.get(name)),
                "file": _is_file(record, name),
            }
            for name, title in answer_fields(self.context)
            if record.data.get(name) not in (None, "", [], ())
        ]
        described["history"] = [
            {
                "date": _when(when),
                "iso": when.isoformat(timespec="seconds"),
                "who": who or "-",
                "status": STATUS_LABELS[status],
            }
            for when, who, status in record.history
        ]
        return described


class RequestFile(BrowserView):
    """A file attached to a request, for the agents: the citizen's bytes, as a download.

    The citizen chose the file and its type, so it may be a page with scripts:
    it is never a page of the site. Plone's transforms (the theme, plone.protect's
    CSRF script and token in HTML) are off for this answer, which does not write
    anything; a type a browser would render as a page (HTML, SVG, XML...) is served
    as application/octet-stream (plone.namedfile's list of types safe to show),
    and every answer of the site says ``nosniff`` (headers/security.py).
    """

    def __call__(self):
        record = get_request(self.context, str(self.request.form.get("numero", "")))
        value = record and record.data.get(str(self.request.form.get("champ", "")))
        if value is None or not hasattr(value, "filename"):
            raise NotFound(self.context, "champ", self.request)
        self.request.environ[DISABLE_TRANSFORM_REQUEST_KEY] = True
        response = self.request.response
        set_headers(value, response, filename=safe_basename(value.filename) or "piece-jointe")
        content_type = extract_media_type(value.contentType)
        if content_type not in ALLOWED_INLINE_MIMETYPES:
            response.setHeader("Content-Type", "application/octet-stream")
        return stream_data(value)


class EraseView(BrowserView):
    """Erase every request of one e-mail address, after a confirmation."""

    count = None
    erased = None

    def email(self):
        return str(self.request.form.get("email", "")).strip()[:254]

    def __call__(self):
        email = self.email()
        if self.request.method == "POST" and email:
            CheckAuthenticator(self.request)
            if self.request.form.get("confirmer"):
                self.erased = agents.erase_email(
                    self.context, email, api.user.get_current().getId()
                )
            else:
                self.count = len(agents.requests_of_email(self.context, email))
        return self.index()


def describe(form, record) -> dict:
    return {
        "number": record.number,
        "url": f"{form.absolute_url()}/@@demande?numero={record.number}",
        "date": _when(record.received),
        "iso": record.received.isoformat(timespec="seconds"),
        "email": record.email,
        "status": STATUS_LABELS[record.status],
        "status_id": record.status,
        "receipt_sent": record.receipt_sent is not None,
    }


def _is_file(record, name):
    return hasattr(record.data.get(name), "filename")


def _when(moment):
    return f"{french_date(moment.date())}, {french_time(moment.time())}"
