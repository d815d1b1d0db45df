"""``@@accueil``, the commune's home page, and the markup contract the themes style.

Markup contract (stable; the themes in mairie.themes style these classes, the
page itself ships only a tiny structural default and works under Barceloneta)::

    div.mairie-home                          the whole home page (in #content)
      h1.mairie-home__title                  the commune's name, the page's only h1;
                                             a theme showing the name in its logo may
                                             hide it visually (keep it for screen readers)
      div.mairie-hero.mairie-hero--image     hero "image": one header image
        figure.mairie-hero__slide > img.mairie-hero__image.img-fluid (Bootstrap: max-width 100%)
      section.mairie-hero.mairie-hero--slideshow
                                             hero "slideshow" (aria-roledescription carousel)
        ul.mairie-hero__slides
          li.mairie-hero__slide > img.mairie-hero__image.img-fluid (JS sets ``hidden`` on the others;
                                             without JS every slide shows, stacked)
        div.mairie-hero__controls            ``hidden`` until the script runs
          button.mairie-hero__previous
          button.mairie-hero__toggle         its text is "Pause" or "Lecture"; .is-paused
          button.mairie-hero__next
        .mairie-hero--ready                  added to the section by the script
      (hero "none": no .mairie-hero at all)
      div.mairie-home__blocks                the blocks, in the editor's or template's order
        div.mairie-block.mairie-block--<id>  one per visible block, <id> among
                                             quick-access, news, agenda, bulletin,
                                             hours, council, services; each holds
                                             one <section> with an h2 and a link to
                                             its section (the fragment's own markup):
          quick-access: section.mairie-quick-access > h2 + ul.mairie-tiles >
                        li.mairie-tile > a.mairie-tile__link >
                        span.mairie-tile__icon (svg, aria-hidden) + span.mairie-tile__label
          news:         section.mairie-latest-news        (agenda/@@dernieres-actualites)
          agenda:       section.mairie-next-events        (agenda/@@prochains-evenements)
          bulletin:     section.mairie-latest-bulletins   (bulletins/@@derniers-bulletins)
          hours:        section.mairie-home-hours > p.mairie-hours-status.is-open|.is-closed
          council:      section.mairie-council-home       (acts/@@conseil-et-actes)
          services:     section.mairie-services-home > ul.mairie-service-cards >
                        li.mairie-service-card            (offices/@@services-proches)
        p.mairie-block__more > a             the "see all" link closing each block's section

Hero images are Plone image scales with ``srcset``/``sizes``, width and height;
the first is eager (``fetchpriority="high"``), the others lazy. An image is
decorative (``alt=""``) unless its description gives a caption, which is then
its alternative text.
"""

from .composition import visible_blocks
from .hero import hero_images
from .hero import hero_kind
from .tiles import current_tiles
from mairie.policy.interfaces import ICommuneSettings
from mairie.policy.offices.provisioning import OFFICE
from mairie.policy.provisioning.content import MAIRIE
from mairie.policy.provisioning.content import PROCEDURES
from plone import api
from plone.memoize import ram
from plone.registry.interfaces import IRegistry
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.component import getMultiAdapter
from zope.component import getUtility

import time


# The blocks other subpackages render, by the name of their fragment view.
FRAGMENTS = {
    "news": "dernieres-actualites",
    "agenda": "prochains-evenements",
    "bulletin": "derniers-bulletins",
    "council": "conseil-et-actes",
    "services": "services-proches",
}


# How long a visitor's block may be reused when nothing was catalogued meanwhile:
# what changes with time alone (the next events) moves on within that delay, as
# in the shared cache (profiles/default/registry/caching.xml).
FRAGMENT_SECONDS = 300


def _fragment_key(method, view, block: str):
    """The same block for every visitor of one address, until the catalog changes.

    Only for visitors: an editor sees private items too.
    """
    if not api.user.is_anonymous():
        raise ram.DontCache
    counter = api.portal.get_tool("portal_catalog").getCounter()
    language = view.request.get("LANGUAGE", "")
    return (view.context.absolute_url(), block, counter, language, time.time() // FRAGMENT_SECONDS)


class HomeView(BrowserView):
    """The site root's default view: the hero, then the visible blocks in order."""

    quick_access_template = ViewPageTemplateFile("templates/quick_access.pt")
    hours_template = ViewPageTemplateFile("templates/hours.pt")

    def title(self) -> str:
        settings = getUtility(IRegistry).forInterface(ICommuneSettings, prefix="mairie.commune")
        return settings.name or self.context.title

    def hero(self) -> str:
        return hero_kind(self.context)

    def images(self) -> list[dict]:
        return hero_images(self.context, self.hero())

    def script_url(self) -> str:
        return f"{api.portal.get().absolute_url()}/++resource++mairie.home/slideshow.js"

    def blocks(self) -> list[dict]:
        return [{"id": block, "html": self._render(block)} for block in visible_blocks()]

    def _render(self, block: str) -> str:
        if block == "quick-access":
            return self.quick_access_template()
        if block == "hours":
            return self.hours_template()
        return self._fragment(block)

    @ram.cache(_fragment_key)
    def _fragment(self, block: str) -> str:
        return getMultiAdapter((self.context, self.request), name=FRAGMENTS[block])()

    def tiles(self) -> list[dict]:
        return current_tiles(self.context, self.request)

    def procedures_url(self):
        procedures = self.context.get(PROCEDURES)
        return procedures.absolute_url() if procedures is not None else None

    def hours(self):
        """The mairie's office and its ``@@horaires`` view, or None without one."""
        office = self.context.restrictedTraverse(f"{MAIRIE}/{OFFICE}", None)
        if office is None:
            return None
        view = getMultiAdapter((office, self.request), name="horaires")
        if not view.has_hours():
            return None
        return {"url": office.absolute_url(), "status": view.status()}
