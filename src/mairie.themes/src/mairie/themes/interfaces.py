from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class IMairieThemesLayer(IDefaultBrowserLayer):
    """Marker interface of the mairie.themes browser layer."""
