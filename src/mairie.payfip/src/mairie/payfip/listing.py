"""The agents' side: every payment of the site, by form and status, and its CSV export."""

from .amounts import euros
from .mails import when_text
from .payments import all_payments
from .payments import STATUS_LABELS
from .payments import STATUSES
from mairie.payfip import _
from mairie.policy.csvexport import to_csv
from mairie.policy.querystring import bounded_int
from plone import api
from plone.base.batch import Batch
from plone.memoize.view import memoize
from Products.Five.browser import BrowserView
from zope.i18n import translate


class PaymentsView(BrowserView):
    """Payments newest first, filtered by form and status (a GET form), 50 a page."""

    page_size = 50

    @memoize
    def forms(self):
        brains = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
            portal_type="mairie.PaymentForm", sort_on="sortable_title"
        )
        return [{"uid": brain.UID, "title": brain.Title, "brain": brain} for brain in brains]

    def form_uid(self):
        uid = str(self.request.form.get("formulaire", ""))
        return uid if uid in {form["uid"] for form in self.forms()} else ""

    def status(self):
        status = str(self.request.form.get("statut", ""))
        return status if status in STATUSES else ""

    def statuses(self):
        return [{"id": status, "label": STATUS_LABELS[status]} for status in STATUSES]

    @memoize
    def found(self) -> list:
        """(form, payment) pairs, newest first."""
        uid, status = self.form_uid(), self.status()
        found = []
        for form in self.forms():
            if uid and form["uid"] != uid:
                continue
            obj = form["brain"]._unrestrictedGetObject()
            found.extend(
                (obj, payment)
                for payment in all_payments(obj)
                if not status or payment.status == status
            )
        found.sort(key=lambda pair: pair[1].created, reverse=True)
        return found

    @memoize
    def batch(self):
        start = bounded_int(self.request.form.get("b_start"), default=0, low=0, high=10**6)
        return Batch(self.found(), self.page_size, start)

    def rows(self):
        return [describe(form, payment) for form, payment in self.batch()]

    def csv_url(self):
        query = f"formulaire={self.form_uid()}&statut={self.status()}"
        return f"{self.context.absolute_url()}/@@paiements.csv?{query}"


class PaymentsCSV(PaymentsView):
    """The filtered payments for the treasury: UTF-8 with a BOM and ";" for French spreadsheets."""

    def __call__(self):
        header = [
            self._fr(title)
            for title in (
                _("payfip_column_form", default="Form"),
                _("payfip_column_reference", default="Reference"),
                _("payfip_column_amount", default="Amount"),
                _("payfip_column_status", default="Status"),
                _("payfip_column_created", default="Started"),
                _("payfip_column_transaction", default="Paid on"),
                _("payfip_column_authorisation", default="Authorisation number"),
                _("payfip_column_idop", default="PayFiP operation"),
            )
        ]
        # Amounts are always positive (amounts.py refuses others): no apostrophe
        # ever comes before one, and the treasury's spreadsheet reads it as a number.
        rows = [
            [
                form.Title(),
                payment.reference,
                f"{payment.amount // 100},{payment.amount % 100:02d}",
                self._fr(STATUS_LABELS[payment.status]),
                payment.created.isoformat(),
                payment.transaction_time.isoformat() if payment.transaction_time else "",
                payment.authorisation,
                payment.idop or "",
            ]
            for form, payment in self.found()
        ]
        response = self.request.response
        response.setHeader("Content-Type", "text/csv; charset=utf-8")
        response.setHeader("Content-Disposition", 'attachment; filename="paiements-payfip.csv"')
        return "\ufeff" + to_csv([header, *rows])

    def _fr(self, message):
        return translate(message, context=self.request)


def describe(form, payment) -> dict:
    return {
        "form": form.Title(),
        "reference": payment.reference,
        "amount": euros(payment.amount),
        "status": STATUS_LABELS[payment.status],
        "created": when_text(payment.created),
        "created_iso": payment.created.isoformat(timespec="seconds"),
        "paid": when_text(payment.transaction_time) if payment.transaction_time else "",
        "paid_iso": payment.transaction_time.isoformat(timespec="seconds")
        if payment.transaction_time
        else "",
        "authorisation": payment.authorisation or "",
    }
