"""Is it really a PDF, and light enough? Judged by the file's first bytes and its size,
never by its name."""

from mairie.policy import _
from zope.i18nmessageid import Message
from zope.schema import ValidationError


PDF_MAGIC = b"%PDF-"
MB = 1024 * 1024
# The editors' PDFs (acts, minutes, bulletins): under the front proxy's 30 MB body
# limit (hosting/templates/mairie-sites.conf.in), which would answer a bare 413.
MAX_PDF_MB = 25
TOO_LARGE = _(
    "error_file_too_large",
    default="This file weighs ${size} MB: ${limit} MB at most. Choose a lighter file.",
)


class FileTooLarge(ValidationError):
    """The file exceeds the field's limit; the message gives both sizes."""

    def doc(self):
        return self.args[0]


def french_megabytes(size: int) -> str:
    """« 26,2 » (MB, one decimal, rounded up so that a refused size never reads as the limit)."""
    tenths = -(-size * 10 // MB)
    return f"{tenths / 10:.1f}".replace(".", ",")


def read_head(namedfile, size=1024) -> bytes:
    """The first bytes of a NamedFile or NamedBlobFile, without loading it all."""
    if hasattr(namedfile, "open"):
        with namedfile.open() as stream:
            return stream.read(size)
    return (namedfile.data or b"")[:size]


def looks_like_pdf(head: bytes) -> bool:
    return head.lstrip().startswith(PDF_MAGIC)


class PdfConstraint:
    """A schema field constraint: ``error`` (a ValidationError class, whose docstring is
    the message people read) when the file is not a PDF, FileTooLarge above ``max_mb``.

    ``max_bytes`` is read by the upload widget (uploads/), which checks the size in the
    browser before sending.
    """

    def __init__(self, error, max_mb=MAX_PDF_MB):
        self.error = error
        self.max_mb = max_mb
        self.max_bytes = max_mb * MB

    def __call__(self, value) -> bool:
        if value is None:
            return True
        if value.getSize() > self.max_bytes:
            mapping = {"size": french_megabytes(value.getSize()), "limit": self.max_mb}
            raise FileTooLarge(Message(TOO_LARGE, mapping=mapping))
        if not looks_like_pdf(read_head(value)):
            raise self.error()
        return True


def pdf_constraint(error, max_mb=MAX_PDF_MB):
    return PdfConstraint(error, max_mb)
