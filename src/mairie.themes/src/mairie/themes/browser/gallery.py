from mairie.themes.catalog import templates
from mairie.themes.catalog import THEME_PREFIX
from Products.Five.browser import BrowserView
from zope.component import hooks


class GalleryView(BrowserView):
    """``@@galerie`` at the Zope root: every commune drawn with a template, with its preview."""

    def communes(self):
        found = []
        # By meta type: asking a Plone site for its interfaces outside of it needs
        # a current site (its schema is looked up).
        for site in self.context.objectValues("Plone Site"):
            # The registry's records look the site up: make it the current one.
            with hooks.site(site):
                theme = site.portal_registry.get(
                    "plone.app.theming.interfaces.IThemeSettings.currentTheme"
                )
            template = templates().get((theme or "").removeprefix(THEME_PREFIX))
            if template is None:
                continue
            url = site.absolute_url()
            found.append(
                {
                    "url": url,
                    "template": template,
                    "preview": f"{url}/++theme++{template.theme_name}/preview.png",
                }
            )
        return sorted(found, key=lambda commune: (commune["template"].title, commune["url"]))
