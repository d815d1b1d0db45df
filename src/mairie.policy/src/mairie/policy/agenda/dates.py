"""When an event takes place, in words, in the portal's timezone and the visitor's language."""

from DateTime import DateTime
from datetime import datetime
from mairie.policy import _
from mairie.policy.acts.dates import full_date
from mairie.policy.acts.dates import long_date
from plone import api
from zoneinfo import ZoneInfo
from zope.i18n import translate


def event_when(start: datetime, end: datetime, whole_day: bool, open_end: bool, request) -> str:
    """ "samedi 12 décembre 2026, de 19 h 00 à 21 h 00", "du … au …", "… à 19 h 00"."""
    zone = portal_zone()
    start, end = start.astimezone(zone), end.astimezone(zone)
    start_date, end_date = full_date(start.date(), request), full_date(end.date(), request)
    same_day = start.date() == end.date()
    if whole_day:
        if same_day:
            return start_date
        message = _(
            "event_days",
            default="from ${start} to ${end}",
            mapping={"start": start_date, "end": end_date},
        )
    elif open_end or start == end:
        message = _(
            "event_at",
            default="${date} at ${time}",
            mapping={"date": start_date, "time": _time(start, request)},
        )
    elif same_day:
        message = _(
            "event_same_day",
            default="${date}, from ${start} to ${end}",
            mapping={
                "date": start_date,
                "start": _time(start, request),
                "end": _time(end, request),
            },
        )
    else:
        message = _(
            "event_span",
            default="from ${start_date} at ${start} to ${end_date} at ${end}",
            mapping={
                "start_date": start_date,
                "start": _time(start, request),
                "end_date": end_date,
                "end": _time(end, request),
            },
        )
    return translate(message, context=request)


def news_date(value: DateTime, request) -> str:
    """ "20 novembre 2026", "1er décembre 2026": the day in the portal's timezone."""
    return long_date(value.asdatetime().astimezone(portal_zone()).date(), request)


def portal_zone() -> ZoneInfo:
    return ZoneInfo(api.portal.get_registry_record("plone.portal_timezone", default="Europe/Paris"))


def _time(value: datetime, request) -> str:
    return translate(
        _(
            "time_hour_minute",
            default="${hour}:${minute}",
            mapping={"hour": str(value.hour), "minute": f"{value.minute:02d}"},
        ),
        context=request,
    )
