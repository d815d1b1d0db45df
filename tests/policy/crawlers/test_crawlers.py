"""What search engines read, checked with their own rules.

robots.txt through Protego (Scrapy's parser, Google's matching rules: longest
rule wins, ``*`` and ``$``) for every address of the sitemap; the sub-sitemaps
against sitemaps.org's ``sitemap.xsd`` (libxml2), shipped by the npm package ``sitemap``
(installed by ``make install``; no package ships ``siteindex.xsd``, so the index
is checked element by element against that schema's rules).
"""

from lxml import etree
from mairie.policy.crawlers.robots import adopt_robots_txt
from mairie.policy.crawlers.robots import robots_txt
from mairie.policy.provisioning import site as provisioning
from pathlib import Path
from plone.app.testing import SITE_OWNER_NAME
from plone.base.interfaces.controlpanel import ROBOTS_TXT as PLONE_ROBOTS_TXT
from plone.testing.zope import login
from protego import Protego
from urllib.parse import urlsplit
from zope.component.hooks import setSite

import gzip
import pytest
import requests
import transaction


NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SITEMAP_XSD = Path(__file__).parents[3] / "node_modules" / "sitemap" / "schema" / "sitemap.xsd"
ROBOTS = ("Googlebot", "Bingbot", "Qwantbot")


@pytest.fixture
def served_commune(functional, demo_profile, agency):
    """The demo profile's commune, bare (no demo content), committed and served: its address."""
    app = functional["app"]
    login(app.acl_users, SITE_OWNER_NAME)
    site = provisioning.create(app, demo_profile, agency)
    setSite(None)
    transaction.commit()
    return f"http://{functional['host']}:{functional['port']}/{site.getId()}"


def _xml(url: str) -> etree._Element:
    response = requests.get(url, timeout=60)
    assert response.status_code == 200, url
    return etree.fromstring(gzip.decompress(response.content))


def test_every_sitemap_address_may_be_crawled(served_commune):
    response = requests.get(f"{served_commune}/robots.txt", timeout=60)
    assert response.status_code == 200
    robots = Protego.parse(response.text)
    assert robots.sitemaps and list(robots.sitemaps) == [f"{served_commune}/sitemap.xml.gz"]

    index = _xml(f"{served_commune}/sitemap.xml.gz")
    # The index, by siteindex.xsd's rules: <sitemapindex> holding 1 to 50,000
    # <sitemap>, each with one absolute <loc> (then an optional <lastmod>).
    assert index.tag == f"{{{NS}}}sitemapindex"
    assert index.get(f"{{{XSI}}}schemaLocation").split() == [NS, f"{NS}/siteindex.xsd"]
    entries = list(index)
    assert 1 <= len(entries) <= 50_000
    pages = []
    for entry in entries:
        assert entry.tag == f"{{{NS}}}sitemap"
        children = [child.tag for child in entry]
        assert children in ([f"{{{NS}}}loc"], [f"{{{NS}}}loc", f"{{{NS}}}lastmod"])
        loc = entry.findtext(f"{{{NS}}}loc").strip()
        assert urlsplit(loc).scheme == "http" and 12 <= len(loc) <= 2048
        pages.append(loc)
    assert pages == [f"{served_commune}/sitemap.xml.gz?page=1"]

    # libxml2's XSD validator (through lxml): xmlschema trips over zope.interface here.
    schema = etree.XMLSchema(etree.parse(str(SITEMAP_XSD)))
    addresses = []
    for page in pages:
        urlset = _xml(page)
        schema.assertValid(urlset)
        assert urlset.get(f"{{{XSI}}}schemaLocation").split() == [NS, f"{NS}/sitemap.xsd"]
        addresses += [loc.text.strip() for loc in urlset.iter(f"{{{NS}}}loc")]
    assert len(addresses) > 20
    assert any(address.endswith("/view") for address in addresses)  # files and images

    for robot in ROBOTS:
        for address in [*pages, *addresses]:
            assert robots.can_fetch(address, robot), (robot, address)
    # What stays out for Googlebot: the search and Plone's forms.
    for path in ("/@@search?SearchableText=mairie", "/actualites/login_form"):
        assert not robots.can_fetch(f"{served_commune}{path}", "Googlebot")


def test_robots_txt_of_the_profile_is_served(served_commune):
    served = requests.get(f"{served_commune}/robots.txt", timeout=60).text
    assert served == robots_txt().format(portal_url=served_commune)
    assert "Disallow: /*view$" not in served and "Allow: /*sitemap.xml.gz?" in served


def test_upgrade_adopts_only_plones_untouched_default(integration):
    """A site still on Plone's default gets ours; one an editor changed keeps theirs."""
    registry = integration["portal"].portal_registry
    registry["plone.robots_txt"] = PLONE_ROBOTS_TXT
    assert adopt_robots_txt() is True
    assert registry["plone.robots_txt"] == robots_txt()
    assert adopt_robots_txt() is False
    edited = PLONE_ROBOTS_TXT + "Disallow: /brouillons\n"
    registry["plone.robots_txt"] = edited
    assert adopt_robots_txt() is False
    assert registry["plone.robots_txt"] == edited
