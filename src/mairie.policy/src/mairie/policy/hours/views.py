"""``@@horaires``: the opening hours of a place, as a fragment other pages include."""

from .behaviors import DAY_TITLES
from .schedule import french_time
from .schedule import PARIS
from .schedule import Schedule
from .schedule import WEEKDAYS
from datetime import datetime
from mairie.policy import _
from plone import api
from Products.Five.browser import BrowserView
from zope.i18n import translate


class OpeningHoursView(BrowserView):
    """The status sentence, the regular week, the coming closures and holiday hours."""

    def __init__(self, context, request):
        super().__init__(context, request)
        self.schedule = Schedule.of(context)
        self.now = datetime.now(PARIS)

    def has_hours(self) -> bool:
        return not self.schedule.is_empty()

    def status(self) -> dict:
        status = self.schedule.status(self.now)
        if status.is_open:
            return {
                "open": True,
                "text": _(
                    "hours_open_until",
                    default="Open now, until ${time}",
                    mapping={"time": french_time(status.until.time())},
                ),
            }
        if status.reason:
            text = _(
                "hours_closed_today_reason",
                default="Closed today: ${reason}",
                mapping={"reason": status.reason},
            )
        elif status.reason is not None:
            text = _("hours_closed_today", default="Closed today")
        else:
            text = _("hours_closed", default="Closed")
        return {"open": False, "text": text, "next": self._next_opening(status.next_opening)}

    def week(self) -> list[dict]:
        return [
            {"day": DAY_TITLES[day], "ranges": [_range(*item) for item in ranges]}
            for day, ranges in self.schedule.week()
        ]

    def closures(self) -> list[dict]:
        return [
            {"period": _period(first, last), "reason": reason}
            for first, last, reason in self.schedule.coming_closures(self.now.date())
        ]

    def periods(self) -> list[dict]:
        return [
            {
                "period": _period(period.first_day, period.last_day),
                "ranges": [
                    {"day": DAY_TITLES[day], "range": _range(opens, closes)}
                    for day, opens, closes in period.ranges
                ],
            }
            for period in self.schedule.coming_periods(self.now.date())
        ]

    def _next_opening(self, moment):
        if moment is None:
            return _("hours_no_opening_soon", default="no opening in the next two weeks")
        mapping = {"time": french_time(moment.time())}
        days = (moment.date() - self.now.date()).days
        if days == 0:
            return _("hours_opens_today", default="opens at ${time}", mapping=mapping)
        if days == 1:
            return _("hours_opens_tomorrow", default="opens tomorrow at ${time}", mapping=mapping)
        day = translate(DAY_TITLES[WEEKDAYS[moment.weekday()]], context=self.request).lower()
        if days < 7:
            return _(
                "hours_opens_on", default="opens ${day} at ${time}", mapping={**mapping, "day": day}
            )
        return _(
            "hours_opens_on_date",
            default="opens ${day} ${date} at ${time}",
            mapping={**mapping, "day": day, "date": api.portal.get_localized_time(moment.date())},
        )


def _range(opens, closes):
    return _(
        "hours_range",
        default="${opens} to ${closes}",
        mapping={"opens": french_time(opens), "closes": french_time(closes)},
    )


def _period(first, last):
    if first == last:
        return api.portal.get_localized_time(first)
    return _(
        "hours_period",
        default="from ${first} to ${last}",
        mapping={
            "first": api.portal.get_localized_time(first),
            "last": api.portal.get_localized_time(last),
        },
    )
