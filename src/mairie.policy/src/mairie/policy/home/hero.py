"""The hero: the commune's header images ("images-en-tete"), at the right sizes."""

from .composition import current_template


HEADER_IMAGES = "images-en-tete"
DEFAULT_HERO = "image"
# Plone's scales for the ``srcset``, from phones to wide screens.
SCALES = ("preview", "teaser", "large", "larger", "great", "huge")
SIZES = "100vw"


def hero_kind(site) -> str:
    """ "slideshow", "image" or "none": the template's choice (one image when the site has no template)."""
    template = current_template()
    return template.hero if template else DEFAULT_HERO


def hero_images(site, kind: str) -> list[dict]:
    """What the hero shows: nothing, the first header image, or all of them (in folder order)."""
    if kind == "none":
        return []
    folder = site.get(HEADER_IMAGES)
    if folder is None:
        return []
    images = [item for item in folder.objectValues() if getattr(item, "image", None)]
    if kind == "image":
        images = images[:1]
    return [_describe(image, first=position == 0) for position, image in enumerate(images)]


def _describe(image, first: bool) -> dict:
    scaling = image.restrictedTraverse("@@images")
    scales = {}
    for name in SCALES:
        scale = scaling.scale("image", scale=name)
        if scale is not None:
            scales.setdefault(scale.width, scale)
    widest = scales[max(scales)]
    return {
        "src": widest.url,
        "srcset": ", ".join(f"{scale.url} {width}w" for width, scale in sorted(scales.items())),
        "sizes": SIZES,
        "width": widest.width,
        "height": widest.height,
        "alt": image.Description() or "",
        "loading": "eager" if first else "lazy",
        "fetchpriority": "high" if first else None,
    }
