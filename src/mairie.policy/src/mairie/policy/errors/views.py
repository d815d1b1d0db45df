"""The error page of every request: Plone's, except for the negotiation and the 4xx it lacks.

Registered for ``Exception`` on ``IBrowserRequest``: more specific than Plone's
(any request) and less than plone.rest's (``IAPIRequest``), which keeps the
REST API's answers. Also registered for the client errors by class (see
``status``), so that the REST API answers them 400 too.
"""

from .status import client_status
from Acquisition import aq_chain
from mairie.policy import _
from mairie.policy.french import fr
from plone.base.interfaces import IPloneSiteRoot
from plone.rest.errors import ErrorHandling
from plone.rest.interfaces import IAPIRequest
from Products.CMFPlone.browser.exceptions import ExceptionView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import NotFound
from zExceptions.ExceptionFormatter import format_exception
from zope.component import getMultiAdapter

import json
import os
import Products.CMFPlone.browser
import sys


MESSAGES = {
    400: (
        _("error_bad_request_title", default="Bad request"),
        _(
            "error_bad_request_text",
            default="The address or the data sent cannot be read. Check the link, "
            "or go back and try again.",
        ),
    ),
    405: (
        _("error_method_title", default="Method not allowed"),
        _(
            "error_method_text",
            default="This page can only be viewed: it cannot be changed this way.",
        ),
    ),
}
HOME = _("error_back_home", default="Back to the home page")
PLONE_TEMPLATES = os.path.join(os.path.dirname(Products.CMFPlone.browser.__file__), "templates")


def wants_json(request) -> bool:
    """Only a client that names JSON, not HTML, gets JSON; a browser's ``*/*`` gets HTML."""
    accept = request.getHeader("Accept", "") or ""
    return "application/json" in accept and "text/html" not in accept


class ErrorPage(ExceptionView):
    index = ViewPageTemplateFile("error_message.pt", PLONE_TEMPLATES)
    client_page = ViewPageTemplateFile("templates/client_error.pt")
    standalone = ViewPageTemplateFile("templates/standalone.pt")

    def __call__(self):
        status = client_status(self.context, sys.exc_info()[2])
        if status is not None:
            return self.client_error(status)
        if IAPIRequest.providedBy(self.request):
            return ErrorHandling(self.context, self.request)()
        return self.plone_error()

    def client_error(self, status):
        response = self.request.response
        # Locked: plone.transformchain sets it again from the exception's class.
        response.setStatus(status, lock=True)
        if status == 405:
            response.setHeader("Allow", "GET, HEAD, POST")
        # In French whatever the request: it may fail before the site negotiates a language.
        self.title, self.text = (fr(message) for message in MESSAGES[status])
        self.home = fr(HOME)
        if IAPIRequest.providedBy(self.request) or wants_json(self.request):
            response.setHeader("Content-Type", "application/json")
            return json.dumps({"type": type(self.context).__name__, "message": self.text})
        # The site's own page once traversal reached a site, else a bare one
        # (the request's form is read, and its method checked, before traversal).
        parents = self.request.get("PARENTS") or [None]
        site = next(filter(IPloneSiteRoot.providedBy, aq_chain(parents[0])), None)
        if site is not None:
            self.context = parents[0]
            self.home_url = site.absolute_url()
            main = getMultiAdapter((self.context, self.request), name="main_template")
            self.layout = main.macros["master"]
        else:
            self.home_url = "/"
            self.layout = self.standalone.macros["master"]
        return self.client_page()

    def plone_error(self):
        """Plone's ``ExceptionView``, but JSON only when asked for by name."""
        exception = self.context
        error_type = type(exception).__name__
        if isinstance(exception, NotFound) and self.plone_redirector_view.attempt_redirect():
            return
        self.context = self.__parent__
        exc_type, value, traceback = sys.exc_info()
        self.request.response.setStatus(exc_type)
        if wants_json(self.request):
            self.request.response.setHeader("Content-Type", "application/json")
            return json.dumps({"error_type": error_type})
        error_tb = "".join(format_exception(exc_type, value, traceback, as_html=False))
        self.request.set("disable_border", True)
        self.request.set("disable_plone.leftcolumn", True)
        self.request.set("disable_plone.rightcolumn", True)
        try:
            return self.index(error_type=error_type, error_tb=error_tb)
        except Exception:
            return self.basic_template(error_type=error_type, error_tb=error_tb)
