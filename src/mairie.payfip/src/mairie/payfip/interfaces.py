from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class IMairiePayfipLayer(IDefaultBrowserLayer):
    """Marker interface of the mairie.payfip browser layer."""
