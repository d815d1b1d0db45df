"""Browser views of acts, registers and sessions: thin, the rules live elsewhere."""

from mairie.policy import _
from mairie.policy.acts import register
from mairie.policy.acts import vocabularies
from mairie.policy.acts.act import vote_result
from mairie.policy.acts.dates import long_date
from mairie.policy.acts.dates import now
from mairie.policy.acts.dates import paris_time
from mairie.policy.provisioning.content import ACTS
from mairie.policy.provisioning.content import SESSIONS
from mairie.policy.querystring import bounded_int
from plone import api
from plone.batching import Batch
from Products.Five.browser import BrowserView

import json


def _term_title(vocabulary, value):
    return vocabulary.getTerm(value).title if value in vocabulary else value


def _file_info(obj, fieldname):
    """Links and size of a file field, or None when there is no file."""
    namedfile = getattr(obj, fieldname, None)
    if namedfile is None:
        return None
    url = obj.absolute_url()
    return {
        "download": f"{url}/@@download/{fieldname}",
        "display": f"{url}/@@display-file/{fieldname}",
        "filename": namedfile.filename,
        "size_kb": max(1, round(namedfile.getSize() / 1024)),
    }


def _brains(**query):
    return api.portal.get_tool("portal_catalog").searchResults(**query)


def published_on(act, request):
    """« Publié le 26 novembre 2026 à 14 h 03 » (French wording in the .po)."""
    if act.publication_datetime is None:
        return None
    when = paris_time(act.publication_datetime)
    return _(
        "act_published_on",
        default="Published on ${date} at ${hour}:${minute}",
        mapping={
            "date": long_date(when, request),
            "hour": f"{when.hour}",
            "minute": f"{when.minute:02d}",
        },
    )


def date_and_time(value, request):
    """« 26 novembre 2026 à 20 h 00 » (French wording in the .po)."""
    if value is None:
        return None
    when = paris_time(value)
    return _(
        "date_and_time",
        default="${date} at ${hour}:${minute}",
        mapping={
            "date": long_date(when, request),
            "hour": f"{when.hour}",
            "minute": f"{when.minute:02d}",
        },
    )


class ActView(BrowserView):
    def nature(self):
        return _term_title(vocabularies.NATURES, self.context.nature)

    def subject(self):
        return _term_title(vocabularies.SUBJECTS, self.context.subject_code)

    def decision_date(self):
        return long_date(self.context.decision_date, self.request)

    def published_on(self):
        return published_on(self.context, self.request)

    def votes(self):
        act = self.context
        rows = [
            (_("label_vote_effective", default="Members in office"), act.vote_effective),
            (
                _("label_vote_present", default="Members who took part in the vote"),
                act.vote_present,
            ),
            (_("label_vote_for", default="For"), act.vote_for),
            (_("label_vote_against", default="Against"), act.vote_against),
            (_("label_vote_abstention", default="Abstentions"), act.vote_abstention),
        ]
        return [{"label": label, "value": value} for label, value in rows if value is not None]

    def vote_result(self):
        return vote_result(self.context)

    def session(self):
        if not self.context.session:
            return None
        brains = _brains(UID=self.context.session)
        return brains[0] if brains else None

    def replaces(self):
        if not self.context.replaces:
            return None
        brains = _brains(UID=self.context.replaces)
        return brains[0] if brains else None

    def replaced_by(self):
        return _brains(portal_type="mairie.Act", act_replaces=api.content.get_uuid(self.context))

    def file(self):
        return _file_info(self.context, "file")


class RegisterView(BrowserView):
    pagesize = 20

    def __call__(self):
        self.filters = register.Filters.from_form(self.request.form)
        return self.index()

    def natures(self):
        return list(vocabularies.NATURES)

    def subjects(self):
        return list(vocabularies.SUBJECTS)

    def years(self):
        return register.years(self.context)

    def batch(self):
        start = self.request.form.get("b_start", "0")
        start = int(start) if str(start).isdigit() else 0
        return Batch(register.search(self.context, self.filters), self.pagesize, start)

    def row(self, brain):
        act = brain.getObject()
        return {
            "url": brain.getURL(),
            "number": act.number,
            "title": act.title,
            "decision_date": long_date(act.decision_date, self.request),
            "nature": _term_title(vocabularies.NATURES, act.nature),
            "subject": _term_title(vocabularies.SUBJECTS, act.subject_code),
            "published_on": date_and_time(act.publication_datetime, self.request),
            "file": _file_info(act, "file"),
        }

    def export_url(self, name):
        return f"{self.context.absolute_url()}/@@{name}"


class RegisterCSV(BrowserView):
    def __call__(self):
        body = register.to_csv(register.scdl_rows(self.context))
        response = self.request.response
        response.setHeader("Content-Type", "text/csv; charset=utf-8")
        response.setHeader("Content-Disposition", 'attachment; filename="deliberations.csv"')
        return body.encode("utf-8")


class RegisterJSON(BrowserView):
    def __call__(self):
        self.request.response.setHeader("Content-Type", "application/json; charset=utf-8")
        return json.dumps(register.scdl_rows(self.context), ensure_ascii=False, indent=1)


class SessionView(BrowserView):
    def start(self):
        return date_and_time(self.context.start, self.request)

    def convocation_date(self):
        return long_date(self.context.convocation_date, self.request)

    def state(self):
        return _term_title(vocabularies.SESSION_STATES, self.context.state)

    def deliberations(self):
        """Acts examined at this session, by number (CGCT L2121-25)."""
        brains = _brains(portal_type="mairie.Act", act_session=api.content.get_uuid(self.context))
        acts = sorted((brain.getObject() for brain in brains), key=lambda act: act.number)
        return [
            {
                "url": act.absolute_url(),
                "number": act.number,
                "title": act.title,
                "result": vote_result(act),
            }
            for act in acts
        ]

    def documents(self):
        return [
            {
                "url": brain.getURL(),
                "title": brain.Title,
                "file": _file_info(brain.getObject(), "file"),
            }
            for brain in _brains(
                portal_type="File",
                path={"query": "/".join(self.context.getPhysicalPath()), "depth": 1},
                sort_on="getObjPositionInParent",
            )
        ]

    def minutes(self):
        if not self.context.minutes_approved:
            return None
        return _file_info(self.context, "minutes")


class SessionsListing(BrowserView):
    """Coming sessions first (soonest first), then past ones (latest first)."""

    def _sessions(self, **query):
        return _brains(
            portal_type="mairie.CouncilSession",
            path="/".join(self.context.getPhysicalPath()),
            **query,
        )

    def _rows(self, brains):
        rows = []
        for brain in brains:
            session = brain.getObject()
            rows.append(
                {
                    "url": brain.getURL(),
                    "title": brain.Title,
                    "place": session.place,
                    "state": _term_title(vocabularies.SESSION_STATES, session.state),
                }
            )
        return rows

    def coming(self):
        moment = now()
        return self._rows(self._sessions(start={"query": moment, "range": "min"}, sort_on="start"))

    def past(self):
        moment = now()
        return self._rows(
            self._sessions(
                start={"query": moment, "range": "max"},
                sort_on="start",
                sort_order="descending",
            )
        )


class CouncilHomeView(SessionsListing):
    """A fragment for the home page: the next council session and the latest published acts."""

    def next_session(self):
        brains = self._sessions(start={"query": now(), "range": "min"}, sort_on="start")[:1]
        if not brains:
            return None
        session = brains[0].getObject()
        return {
            "url": brains[0].getURL(),
            "title": brains[0].Title,
            "place": session.place,
            "start": date_and_time(session.start, self.request),
            "iso_start": session.start.isoformat(),
        }

    def acts(self):
        limit = bounded_int(self.request.form.get("n"), default=3, low=1, high=12)
        return [
            {"url": brain.getURL(), "number": brain.act_number, "title": brain.Title}
            for brain in register.search(self.context)[:limit]
        ]

    def sessions_url(self):
        return self._section_url(SESSIONS)

    def register_url(self):
        return self._section_url(ACTS)

    def _section_url(self, path):
        section = self.context.restrictedTraverse(path, None)
        return section.absolute_url() if section is not None else None
