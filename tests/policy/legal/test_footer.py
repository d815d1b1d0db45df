"""The footer of every page: one accessibility mention, the legal links, the profile's links."""

from mairie.policy import _
from mairie.policy.legal.accessibility import mention
from mairie.policy.legal.accessibility import state_label
from mairie.policy.legal.accessibility import STATES

import pytest
import transaction


@pytest.fixture
def mentions(fr):
    """Every accessibility mention a page could carry, by state."""
    return {state: fr(mention(state_label(state))) for state in STATES}


def accessibility_mentions(tree, mentions):
    texts = set(mentions.values())
    return [a for a in tree.iter("a") if " ".join(a.text_content().split()) in texts]


@pytest.mark.parametrize("path", ["", "/actualites", "/mentions-legales"])
def test_footer_of_every_page(served, fetch, mentions, fr, path):
    base = served()
    tree = fetch(base + path)
    found = accessibility_mentions(tree, mentions)
    assert [(a.text_content(), a.get("href")) for a in found] == [
        (mentions["partiellement"], f"{base}/accessibilite")
    ]
    footer = tree.cssselect("footer#portal-footer-wrapper")[0]
    assert found[0] in footer.iter("a")
    links = [a.get("href") for a in footer.iter("a")]
    for name in ("mentions-legales", "donnees-personnelles", "@@sitemap", "contact"):
        assert links.count(f"{base}/{name}") == 1, name
    # Plone's own footer (site actions, colophon) is gone: no second "Accessibility".
    assert not [link for link in links if link.endswith(("accessibility-info", "contact-info"))]
    assert "plone.org" not in " ".join(links)
    social = footer.cssselect("a[href='https://www.facebook.com/saintaubinsurloire']")[0]
    assert social.text_content() == fr(
        _("footer_social", default="${network} of the town hall", mapping={"network": "Facebook"})
    )
    assert social.get("target") is None  # same window
    assert "https://www.flickr.com/photos/saintaubinsurloire" in links  # photo gallery
    assert "https://www.calameo.com/accounts/saintaubinsurloire" in links  # publications


def test_a_site_without_a_declaration_is_not_compliant(functional, fetch, mentions):
    """The default of the settings, before any profile says otherwise."""
    transaction.commit()
    tree = fetch(functional["portal"].absolute_url())
    found = accessibility_mentions(tree, mentions)
    assert [a.text_content() for a in found] == [mentions["non"]]
