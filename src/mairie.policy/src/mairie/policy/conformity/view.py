"""« Conformité de la commune » (@@conformite), for the commune's administrators."""

from .checks import LABELS
from .checks import run
from Products.Five.browser import BrowserView


class ConformityView(BrowserView):
    def results(self) -> list[dict]:
        return [{"result": result, "label": LABELS[result.status]} for result in run(self.context)]
