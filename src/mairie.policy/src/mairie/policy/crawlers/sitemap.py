from plone.app.layout.sitemap.sitemap import SiteMapView as PloneSiteMapView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


class SiteMapView(PloneSiteMapView):
    """Plone's sitemap, with an index that names the index schema (siteindex.xsd)."""

    template_index = ViewPageTemplateFile("templates/sitemap-index.xml")
