"""Which errors the client caused, and so answer a 4xx rather than a 500.

Zope and the catalog raise plain exceptions for some junk input: a value its
converter cannot read (``?b_start:int=abc``, ValueError from
``HTTPRequest.processInputs``), words the text index cannot parse
(``SearchableText="``), a REST query of the wrong type (``path.depth=abc``).
"""

from plone.restapi.exceptions import QueryParsingError
from Products.ZCTextIndex.ParseTree import ParseError
from zExceptions import HTTPException
from ZPublisher.HTTPRequest import HTTPRequest


# Raised only by what the client wrote, wherever they are raised.
CLIENT_ERRORS = (ParseError, QueryParsingError)
# The statuses that get the short French page; Plone has its own for the others
# (404 with suggestions, 401 and 403 with the login machinery).
PAGES = (400, 405)

_PARSING = HTTPRequest.processInputs.__code__


def client_status(exception, traceback) -> int | None:
    """The 4xx status this exception deserves a short page for, or None."""
    if isinstance(exception, CLIENT_ERRORS) or _raised_while_parsing(traceback):
        return 400
    if isinstance(exception, HTTPException) and exception.getStatus() in PAGES:
        return exception.getStatus()
    return None


def _raised_while_parsing(traceback) -> bool:
    """Raised while Zope read the request's form (its converters)."""
    while traceback is not None:
        if traceback.tb_frame.f_code is _PARSING:
            return True
        traceback = traceback.tb_next
    return False
