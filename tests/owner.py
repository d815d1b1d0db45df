"""The site owner's zope.testbrowser on the functional layer's WSGI app, for its forms."""

from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser


def owner_browser(functional, url: str, language: str = "fr") -> Browser:
    """Logged in as the site owner, errors raised (not rendered), ``url`` opened."""
    browser = Browser(functional["app"])
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    browser.addHeader("Accept-Language", language)
    browser.open(url)
    return browser
