"""The alerts banner, above the content of every page."""

from .catalog import active_alerts
from .catalog import COLUMN
from .content import LEVELS
from .content import link_url
from mairie.policy import _
from plone.app.layout.viewlets.common import ViewletBase
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate


class AlertsViewlet(ViewletBase):
    index = ViewPageTemplateFile("templates/alerts.pt")

    def update(self):
        super().update()
        self.alerts = [self._describe(brain) for brain in active_alerts(self.context)]

    def render(self):
        return self.index() if self.alerts else ""

    def _describe(self, brain) -> dict:
        summary = getattr(brain, COLUMN)
        level = summary["level"]
        return {
            # Changes when the alert is edited: a visitor who hid it sees it again.
            "key": f"{brain.UID}-{brain.modified.millis()}",
            "level": level,
            "label": translate(
                _(
                    "alert_level_label",
                    default="${level}:",
                    mapping={"level": translate(LEVELS.getTerm(level).title, context=self.request)},
                ),
                context=self.request,
            ),
            # Only urgent alerts interrupt a screen reader; the others are read in the page's flow.
            "role": "alert" if level == "urgent" else None,
            "title": brain.Title,
            "message": summary["message"],
            "link": link_url(summary["link"], self.navigation_root_url),
            "link_text": summary["link_text"],
        }
