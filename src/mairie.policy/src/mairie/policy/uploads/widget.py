"""plone.formwidget.namedfile's widget, without its loop on a refused file.

After a refusal (not a PDF, too large, a published act's frozen PDF), Plone's widget
kept the refused upload for the next try (« Fichier déjà téléversé », « Garder »
preselected), so sending again met the same error, and listed it as the existing file
at « 0 KB ». Here a refused file is forgotten: the widget names the file really stored
(or none) with « Remplacer » ready and an empty input; a valid file sent along with
errors elsewhere is still kept. Where the field has a size limit (pdf.PdfConstraint),
the page checks it before sending (static/uploads.js), with no inline script.
"""

from mairie.policy import _
from mairie.policy.interfaces import IUploadWidget
from mairie.policy.pdf import MB
from plone import api
from plone.formwidget.namedfile.widget import NamedFileWidget
from plone.namedfile.interfaces import INamed
from z3c.form.interfaces import IDataManager
from z3c.form.interfaces import IFieldWidget
from z3c.form.widget import FieldWidget
from zope.component import getMultiAdapter
from zope.i18n import translate
from zope.i18nmessageid import Message
from zope.interface import implementer
from zope.size import byteDisplay


# ${size} stays in the translated text: uploads.js writes the chosen file's size there.
TOO_LARGE_BEFORE_SENDING = _(
    "error_file_too_large_browser",
    default="This file weighs ${size} MB: ${limit} MB at most. It was not sent: choose "
    "a lighter file.",
)
SCRIPT = "++resource++mairie.policy.uploads/uploads.js"


@implementer(IUploadWidget)
class UploadWidget(NamedFileWidget):
    @property
    def refused(self) -> bool:
        """The form refused this file (its error is set once the form validated)."""
        return self.error is not None

    @property
    def stored(self):
        """The file the content really holds, or None (an add form holds none)."""
        if INamed.providedBy(self.value) and not self.refused:
            return self.value
        if self.ignoreContext:
            return None
        return getMultiAdapter((self.context, self.field), IDataManager).query()

    @property
    def file_upload_id(self):
        return "" if self.refused else super().file_upload_id

    @property
    def allow_nochange(self):
        return self.stored is not None

    def action(self):
        if self.refused:
            return "replace" if self.allow_nochange else "nochange"
        return super().action()

    @property
    def file_size(self):
        return byteDisplay(self.stored.getSize())

    @property
    def size_check(self) -> dict | None:
        limit = getattr(getattr(self.field, "constraint", None), "max_bytes", None)
        return size_check(self.request, limit) if limit else None


def size_check(request, max_bytes: int) -> dict:
    """What uploads.js needs beside a file input: the limit, its message, the script."""
    message = Message(
        TOO_LARGE_BEFORE_SENDING,
        mapping={"size": "${size}", "limit": max_bytes // MB},
    )
    return {
        "limit": max_bytes,
        "message": translate(message, context=request),
        "script": f"{api.portal.get().absolute_url()}/{SCRIPT}",
    }


@implementer(IFieldWidget)
def UploadFieldWidget(field, request):
    return FieldWidget(field, UploadWidget(request))
