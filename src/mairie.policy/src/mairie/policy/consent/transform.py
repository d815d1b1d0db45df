"""The output transform that neutralises third-party frames in every HTML page.

It runs in plone.transformchain just after Diazo (plone.app.theming, order
8850), on the page as it leaves Zope, so whatever the content, a portlet or
the theme puts in, and whatever a cache keeps, carries no third-party frame.
Before plone.protect (9000), which reuses the parsed tree.
"""

from .embeds import neutralise
from lxml import etree
from plone.transformchain.interfaces import ITransform
from repoze.xmliter.serializer import XMLSerializer
from repoze.xmliter.utils import getHTMLSerializer
from urllib.parse import urlsplit
from zope.interface import implementer


@implementer(ITransform)
class NeutraliseEmbeds:
    order = 8860

    def __init__(self, published, request):
        self.published = published
        self.request = request

    def transformBytes(self, result, encoding):
        return self.transformIterable([result], encoding)

    def transformUnicode(self, result, encoding):
        return self.transformIterable([result.encode(encoding)], encoding)

    def transformIterable(self, result, encoding):
        if not (self.request.response.getHeader("Content-Type") or "").startswith("text/html"):
            return None
        if self.request.response.getHeader("Content-Encoding"):
            return None
        if not isinstance(result, XMLSerializer):
            chunks = [
                chunk if isinstance(chunk, bytes) else chunk.encode(encoding) for chunk in result
            ]
            # Most pages have no frame at all: no need to parse them.
            if not any(b"<iframe" in chunk.lower() for chunk in chunks):
                return chunks
            try:
                result = getHTMLSerializer(chunks, pretty_print=False, encoding=encoding)
            except (AttributeError, TypeError, etree.ParseError):
                return None
        host = urlsplit(self.request.get("ACTUAL_URL", "")).hostname or ""
        neutralise(result.tree.getroot(), host, self.request)
        return result
