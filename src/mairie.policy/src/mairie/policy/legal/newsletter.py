"""The newsletter sign-up widget, shown on the newsletter page only after the visitor asks.

The provider's code may set cookies (CNIL 2020 guidelines: no tracker before
consent). The viewlet therefore puts it in a ``<template>`` element, which the
browser parses but never runs nor shows, beside a sentence about the cookies
and a button; ``static/newsletter.js`` inserts the widget on click. The code
comes from the agency, a trusted operator, and is checked by ``widget.py``.
"""

from mairie.policy.interfaces import ICommuneSettings
from plone.app.layout.viewlets.common import ViewletBase
from plone.registry.interfaces import IRegistry
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.component import getUtility
from zope.interface import Interface


class INewsletterPage(Interface):
    """Marks the page that shows the newsletter sign-up widget."""


class NewsletterViewlet(ViewletBase):
    index = ViewPageTemplateFile("templates/newsletter.pt")

    def update(self):
        super().update()
        settings = getUtility(IRegistry).forInterface(ICommuneSettings, prefix="mairie.commune")
        self.widget = settings.newsletter_widget or ""

    def render(self):
        return self.index() if self.widget else ""
