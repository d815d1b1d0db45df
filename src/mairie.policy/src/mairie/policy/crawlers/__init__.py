"""What search engines read: robots.txt and the sitemap index.

Plone's defaults blocked the only sub-sitemap for Googlebot (``Disallow: /*?``
against ``sitemap.xml.gz?page=1``, and ``/*view$`` against the ``…/view``
addresses the sitemap gives files and images), and named ``sitemap.xsd`` for a
``<sitemapindex>``, whose schema is ``siteindex.xsd``.
"""
