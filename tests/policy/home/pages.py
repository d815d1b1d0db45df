"""The home page's tests read pages as an anonymous visitor: fetched, parsed, in French."""

from zope.i18n import translate

import lxml.html
import requests


def fetch(url, **kwargs):
    """The page at ``url`` for an anonymous visitor, parsed."""
    response = requests.get(url, timeout=60, **kwargs)
    assert response.status_code == 200, url
    return lxml.html.fromstring(response.text)


def french(message):
    return translate(message, target_language="fr")


def text(element):
    return " ".join(element.text_content().split())
