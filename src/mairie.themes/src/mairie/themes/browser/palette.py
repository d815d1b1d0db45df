from mairie.themes.appearance import palette
from mairie.themes.appearance import palette_css
from mairie.themes.appearance import palette_version
from Products.Five.browser import BrowserView


class PaletteStylesheet(BrowserView):
    """The commune's palette as CSS custom properties (``@@mairie-palette.css``).

    A stylesheet, not a ``<style>`` element, so a strict Content-Security-Policy
    needs no exception. Its address carries the palette's version: the current
    one is cached for a year, any other address is not cached.
    """

    def __call__(self):
        properties = palette()
        response = self.request.response
        response.setHeader("Content-Type", "text/css; charset=utf-8")
        if self.request.form.get("v") == palette_version(properties):
            response.setHeader("Cache-Control", "public, max-age=31536000, immutable")
        else:
            response.setHeader("Cache-Control", "no-cache")
        return palette_css(properties)
