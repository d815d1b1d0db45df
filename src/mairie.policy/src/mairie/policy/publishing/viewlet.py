from .notice import notice
from plone.app.layout.viewlets.common import ViewletBase
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


class PublicationNoticeViewlet(ViewletBase):
    """« Cette page est privée… » with its button, on the item's own view only."""

    index = ViewPageTemplateFile("templates/notice.pt")

    def update(self):
        super().update()
        context_state = self.context.restrictedTraverse("@@plone_context_state")
        self.notice = notice(self.context) if context_state.is_view_template() else None

    def render(self):
        return self.index() if self.notice is not None else ""
