from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class IMairieRdvLayer(IDefaultBrowserLayer):
    """Marker interface of the mairie.rdv browser layer."""
