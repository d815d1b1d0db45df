"""The secret login path: the site root serves its ``login`` view under it.

Whatever view is registered as ``login`` (Plone's, or one that customises
it) is served, and its form posts back to the secret URL, since forms post
to the URL they were traversed at.
"""

from . import access
from mairie.policy.interfaces import IBackOfficeLoginRequest
from plone.dexterity.browser.traversal import DexterityPublishTraverse
from plone.rest.interfaces import IAPIRequest
from plone.rest.traverse import RESTTraverse
from zope.component import getMultiAdapter
from zope.interface import alsoProvides
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


@implementer(IPublishTraverse)
class SecretLoginTraverser:
    def __init__(self, context, request):
        self.context = context
        self.request = request

    def publishTraverse(self, request, name):
        secret = access.login_path(self.context)
        if secret and name == secret:
            alsoProvides(request, IBackOfficeLoginRequest)
            return getMultiAdapter((self.context, request), name="login")
        # This adapter is more specific than those of plone.dexterity and
        # plone.rest for the site root: hand every other name to them.
        usual = RESTTraverse if IAPIRequest.providedBy(request) else DexterityPublishTraverse
        return usual(self.context, request).publishTraverse(request, name)
