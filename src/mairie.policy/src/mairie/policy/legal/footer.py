"""The footer of every page: the accessibility mention, the legal links, the profile's links.

It reads the commune's settings once per page and no catalog: the pages it
links to have fixed ids at the site root (``provisioning.py``).
"""

from .accessibility import mention
from .accessibility import state_label
from .provisioning import ACCESSIBILITY
from .provisioning import CONTACT
from .provisioning import LEGAL_NOTICE
from .provisioning import NEWSLETTER
from .provisioning import PERSONAL_DATA
from mairie.policy import _
from mairie.policy.interfaces import ICommuneSettings
from plone.app.layout.viewlets.common import ViewletBase
from plone.registry.interfaces import IRegistry
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.component import getUtility


LEGAL_LINKS = (
    (LEGAL_NOTICE, _("footer_legal_notice", default="Legal notice")),
    (PERSONAL_DATA, _("footer_personal_data", default="Personal data")),
    ("@@sitemap", _("footer_sitemap", default="Site map")),
    (CONTACT, _("footer_contact", default="Contact")),
)
NEWSLETTER_LINK = (NEWSLETTER, _("footer_newsletter", default="Newsletter"))
# The networks' own names, not translated.
NETWORKS = {
    "facebook": "Facebook",
    "instagram": "Instagram",
    "x": "X",
    "linkedin": "LinkedIn",
    "youtube": "YouTube",
    "mastodon": "Mastodon",
    "bluesky": "Bluesky",
    "tiktok": "TikTok",
}


class FooterViewlet(ViewletBase):
    """The messages it holds are translated by the page template."""

    index = ViewPageTemplateFile("templates/footer.pt")

    def update(self):
        super().update()
        settings = getUtility(IRegistry).forInterface(ICommuneSettings, prefix="mairie.commune")
        root = self.navigation_root_url
        self.accessibility_url = f"{root}/{ACCESSIBILITY}"
        self.accessibility_text = mention(state_label(settings.accessibility_state))
        links = LEGAL_LINKS + ((NEWSLETTER_LINK,) if settings.newsletter_widget else ())
        self.links = [(f"{root}/{path}", text) for path, text in links]
        self.elsewhere = [
            (
                url,
                _(
                    "footer_social",
                    default="${network} of the town hall",
                    mapping={"network": NETWORKS[network]},
                ),
            )
            for network, url in (settings.social_links or {}).items()
            if network in NETWORKS
        ] + [
            (url, text)
            for url, text in (
                (settings.photo_gallery_url, _("footer_photo_gallery", default="Photo gallery")),
                (
                    settings.interactive_publications_url,
                    _("footer_publications", default="Interactive publications"),
                ),
            )
            if url
        ]
