"""Is it really a PDF? Judged by the file's first bytes, never by its name."""

PDF_MAGIC = b"%PDF-"


def read_head(namedfile, size=1024) -> bytes:
    """The first bytes of a NamedFile or NamedBlobFile, without loading it all."""
    if hasattr(namedfile, "open"):
        with namedfile.open() as stream:
            return stream.read(size)
    return (namedfile.data or b"")[:size]


def looks_like_pdf(head: bytes) -> bool:
    return head.lstrip().startswith(PDF_MAGIC)


def pdf_constraint(error):
    """A schema field constraint that raises ``error`` (a ValidationError class,
    whose docstring is the message people read) when the file is not a PDF."""

    def is_pdf(value) -> bool:
        if value is not None and not looks_like_pdf(read_head(value)):
            raise error()
        return True

    return is_pdf
