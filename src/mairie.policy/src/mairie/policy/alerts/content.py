"""An alert and the section holding the alerts.

An alert's start and end ARE its publication dates (effective and expiration):
the catalog's effectiveRange index then hides it from visitors before and after
them, with no editor action and no scheduled job.
"""

from DateTime import DateTime
from mairie.policy import _
from mairie.policy.agenda.dates import portal_zone
from plone.dexterity.content import Container
from plone.dexterity.content import Item
from plone.supermodel import model
from urllib.parse import urlsplit
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant
from zope.schema import ValidationError
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


# From the least to the most severe.
LEVELS = SimpleVocabulary(
    [
        SimpleTerm("information", title=_("alert_level_information", default="Information")),
        SimpleTerm("important", title=_("alert_level_important", default="Important")),
        SimpleTerm("urgent", title=_("alert_level_urgent", default="Urgent")),
    ]
)
SEVERITY = {term.value: rank for rank, term in enumerate(LEVELS)}
MESSAGE_MAX_LENGTH = 280


class EndBeforeStart(Invalid):
    __doc__ = _("error_alert_end_before_start", default="The end must come after the start.")


class NotALink(ValidationError):
    __doc__ = _(
        "error_alert_link",
        default="Give a web address starting with https:// (or http://), or a path of this site "
        "starting with “/”.",
    )


def is_link(value: str) -> bool:
    """A web address, or a path in the site: it stays right when the site changes its domain."""
    parts = urlsplit(value)
    web = parts.scheme in ("http", "https") and bool(parts.netloc)
    path = value.startswith("/") and not value.startswith("//") and " " not in value
    if not (web or path):
        raise NotALink(value)
    return True


def link_url(link: str | None, root_url: str) -> str | None:
    """The address of an alert's link; a path is read from the navigation root."""
    if link and link.startswith("/"):
        return root_url + link
    return link


class IAlerts(model.Schema):
    """Title and description come from the plone.basic behavior."""


@implementer(IAlerts)
class Alerts(Container):
    pass


class IAlert(model.Schema):
    title = schema.TextLine(
        title=_("label_alert_title", default="Title"),
        description=_("help_alert_title", default="A few words, shown in bold before the message."),
    )
    message = schema.Text(
        title=_("label_alert_message", default="Message"),
        description=_(
            "help_alert_message", default="Short: at most 280 characters, like a text message."
        ),
        max_length=MESSAGE_MAX_LENGTH,
    )
    level = schema.Choice(
        title=_("label_alert_level", default="Level"),
        vocabulary=LEVELS,
        default="information",
    )
    link = schema.TextLine(
        title=_("label_alert_link", default="Link"),
        description=_(
            "help_alert_link",
            default="A page telling more (optional): a web address (https://…) or, for a page "
            "of this site, its path (/actualites/…).",
        ),
        required=False,
        constraint=is_link,
    )
    link_text = schema.TextLine(
        title=_("label_alert_link_text", default="Link text"),
        description=_("help_alert_link_text", default="By default: “Read more”."),
        required=False,
    )
    start = schema.Datetime(
        title=_("label_alert_start", default="Shown from"),
    )
    end = schema.Datetime(
        title=_("label_alert_end", default="Shown until"),
        description=_(
            "help_alert_end", default="The alert disappears by itself at this date and time."
        ),
    )

    @invariant
    def end_after_start(data):
        if data.start and data.end and data.end <= data.start:
            raise EndBeforeStart(
                _("error_alert_end_before_start", default="The end must come after the start.")
            )


@implementer(IAlert)
class Alert(Item):
    """Start and end are naive datetimes in the portal's timezone, as the form gives them."""

    @property
    def start(self):
        return _naive(self.effective_date)

    @start.setter
    def start(self, value):
        self.setEffectiveDate(_aware(value))

    @property
    def end(self):
        return _naive(self.expiration_date)

    @end.setter
    def end(self, value):
        self.setExpirationDate(_aware(value))


def _naive(value: DateTime | None):
    if value is None:
        return None
    return value.asdatetime().astimezone(portal_zone()).replace(tzinfo=None)


def _aware(value) -> DateTime | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=portal_zone())
    return DateTime(value.isoformat())
