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
