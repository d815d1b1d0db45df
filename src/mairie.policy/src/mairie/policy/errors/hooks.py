"""Publisher hooks that turn junk requests into 4xx before they reach code that 500s.

1. When traversal enters a site (``IBeforeTraverseEvent``), before anyone is
   authenticated (not at ``IPubStart``: ZPublisher cannot turn an error raised
   there into a response):

   - the methods other than GET, HEAD and POST (PUT, DELETE, OPTIONS, WebDAV's
     PROPFIND, LOCK, ...) are the REST API's only; elsewhere Zope's WebDAV
     support answers them, with a 500 on any view. plone.rest marks its
     requests ``IAPIRequest`` from their Accept header when the publication
     starts (``++api++`` only later: use the header);
   - a JSON body nested deeper than Python's parser goes: plone.restapi's
     token plugin parses every JSON body while authenticating, and its
     RecursionError escapes PAS.
2. After traversal (``IPubAfterTraversal``): a tool (``portal_skins``) or an
   object with no page has nothing for a visitor, Zope would show its repr.
"""

from Acquisition import aq_base
from mairie.policy import _
from mairie.policy.french import fr
from plone.rest.interfaces import IAPIRequest
from plone.subrequest.interfaces import ISubRequest
from Products.CMFCore.utils import UniqueObject
from zExceptions import BadRequest
from zExceptions import MethodNotAllowed
from zExceptions import NotFound

import json


METHODS = frozenset({"GET", "HEAD", "POST"})
TOO_DEEP = _("error_json_too_deep", default="The body of the request is nested too deeply.")


def refuse_methods(site, event):
    request = event.request
    if ISubRequest.providedBy(request) or IAPIRequest.providedBy(request):
        return
    if request.get("REQUEST_METHOD", "GET").upper() not in METHODS:
        raise MethodNotAllowed()


def refuse_deep_json(site, event):
    request = event.request
    if ISubRequest.providedBy(request):
        return
    if not (request.getHeader("Content-Type") or "").startswith("application/json"):
        return
    try:
        json.loads(request.get("BODY") or "{}")
    except RecursionError:
        raise BadRequest(fr(TOO_DEEP)) from None
    except ValueError:
        pass  # not JSON: each reader says so its own way


def refuse_pageless(event):
    request = event.request
    if ISubRequest.providedBy(request):
        return
    published = aq_base(request.get("PUBLISHED"))
    if isinstance(published, UniqueObject) or not callable(published):
        raise NotFound()
