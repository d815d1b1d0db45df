"""The agenda's iCal subscription link, on a folder shown as an event listing."""

from plone.app.layout.viewlets.common import ViewletBase
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


class ICalSubscriptionViewlet(ViewletBase):
    index = ViewPageTemplateFile("templates/ical_link.pt")

    def ical_url(self) -> str:
        # plone.app.event's export of every published event in the folder.
        return f"{self.context.absolute_url()}/ics_view"
