"""The home page as a visitor sees it: every block with the demo's real content."""

from .pages import fetch
from .pages import french
from .pages import text
from freezegun import freeze_time
from mairie.policy import _
from mairie.themes.catalog import templates

import transaction


def blocks(page):
    return [
        element.get("class").split("mairie-block--")[1]
        for element in page.cssselect(".mairie-home__blocks > .mairie-block")
    ]


@freeze_time("2026-11-26 09:00:00", tick=True)  # Thursday, 10:00 in Paris
def test_every_block_with_its_content(base_url):
    page = fetch(base_url)
    home = page.cssselect("#content .mairie-home")[0]

    assert [text(h1) for h1 in page.cssselect("h1")] == ["Saint-Aubin-sur-Loire"]
    assert blocks(page) == list(templates()["bocage"].blocks)
    # Each block is a section with its h2 and a link to its section of the site.
    for block in home.cssselect(".mairie-block"):
        assert len(block.cssselect("section > h2")) == 1, block.get("class")
        assert block.cssselect(".mairie-block__more a"), block.get("class")

    news = text(home.cssselect(".mairie-block--news")[0])
    assert "Travaux de la rue des Écoles : circulation alternée" in news
    agenda = home.cssselect(".mairie-block--agenda h3 a")
    assert [text(a) for a in agenda] == [
        "Marché de Noël",
        "Conseil municipal",
        "Concert de Noël à l'église",
    ]
    assert "Le Trait d'union" in text(home.cssselect(".mairie-block--bulletin")[0])
    hours = home.cssselect(".mairie-block--hours .mairie-hours-status")[0]
    assert "is-open" in hours.get("class")
    assert text(hours) == "Ouvert maintenant, jusqu'à 12 h 00"
    council = text(home.cssselect(".mairie-block--council")[0])
    assert "Séance du 17 décembre 2026" in council
    assert "2026-042" in council
    services = home.cssselect(".mairie-block--services .mairie-service-card")
    assert 1 <= len(services) <= 3
    tiles = {
        text(a): a.get("href").removeprefix(base_url)
        for a in home.cssselect(".mairie-block--quick-access .mairie-tile__link")
    }
    assert tiles[french(_("tile_procedures", default="Procedures"))] == "/demarches"
    assert (
        tiles[french(_("tile_hours", default="Opening hours"))] == "/ma-mairie/horaires-et-contact"
    )
    assert tiles[french(_("tile_contact", default="Contact"))] == "/contact"
    # The agenda block replaces plone.app.event's portlet.
    assert not page.cssselect(".portletEvents")


def test_hero_follows_the_template(base_url, registry):
    for template_id, template in templates().items():
        registry["mairie.commune.template"] = template_id
        transaction.commit()
        hero = fetch(base_url).cssselect(".mairie-hero")
        if template.hero == "none":
            assert hero == [], template_id
        else:
            assert hero[0].get("class") == f"mairie-hero mairie-hero--{template.hero}"
        if template.hero == "image":
            assert len(hero[0].cssselect("img")) == 1


def test_slideshow_can_be_paused(base_url, registry):
    registry["mairie.commune.template"] = next(
        name for name, template in templates().items() if template.hero == "slideshow"
    )
    transaction.commit()
    hero = fetch(base_url).cssselect(".mairie-hero--slideshow")[0]
    slides = hero.cssselect("li.mairie-hero__slide")
    assert len(slides) == 2  # the demo's two header images, in the profile's order
    images = [slide.cssselect("img")[0] for slide in slides]
    assert [image.get("loading") for image in images] == ["eager", "lazy"]
    assert images[0].get("fetchpriority") == "high"
    for image in images:
        assert image.get("alt") == ""  # decorative: no caption
        assert int(image.get("width")) > 0 and int(image.get("height")) > 0
        widths = [int(candidate.split()[-1][:-1]) for candidate in image.get("srcset").split(", ")]
        assert len(widths) > 2 and widths == sorted(widths)
        assert image.get("sizes")
    toggle = hero.cssselect("button.mairie-hero__toggle")[0]
    assert text(toggle) == french(_("home_slideshow_pause", default="Pause"))
    assert toggle.get("data-label-play") == french(_("home_slideshow_play", default="Play"))
    assert hero.cssselect("button.mairie-hero__previous") and hero.cssselect(
        "button.mairie-hero__next"
    )
    script = hero.cssselect("script")[0]
    assert script.get("defer") is not None
    assert script.get("src").endswith("/++resource++mairie.home/slideshow.js")
