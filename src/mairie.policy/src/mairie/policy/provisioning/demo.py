"""Demo content: council sessions and acts, added once to a new demo commune.

It is kept out of the commune profile (what an agency collects at order
time); `mairie create --demo-content FILE` reads it.
"""

from . import content
from datetime import date
from datetime import datetime
from mairie.policy.agenda.demo import add_events
from mairie.policy.agenda.demo import DemoEvent
from mairie.policy.alerts.demo import add_alerts
from mairie.policy.alerts.demo import DemoAlert
from mairie.policy.commune.loader import validate_yaml
from mairie.policy.commune.schema import Model
from mairie.policy.commune.types import PdfFile
from mairie.policy.consent.demo import add_videos
from mairie.policy.consent.demo import DemoVideo
from mairie.policy.directory.demo import add_entries as add_directory_entries
from mairie.policy.directory.demo import DemoEntry
from mairie.policy.legal.demo import add_accessibility_documents
from mairie.policy.legal.demo import DemoAccessibility
from mairie.policy.offices.demo import add_services
from mairie.policy.offices.demo import DemoServices
from pathlib import Path
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.namedfile.file import NamedBlobFile
from pydantic import Field
from typing import Literal

import html


class Votes(Model):
    effective: int
    present: int
    for_: int = Field(default=0, alias="for")
    against: int = 0
    abstention: int = 0


class DemoAct(Model):
    number: str
    nature: Literal["deliberation", "arrete", "decision", "autre"] = "deliberation"
    title: str
    decision_date: date
    subject_code: Literal["1", "2", "3", "4", "5", "6", "7", "8", "9"]
    subject_subcode: str | None = None
    subject_label: str | None = None
    votes: Votes | None = None
    file: PdfFile


class DemoSession(Model):
    start: datetime
    place: str
    convocation_date: date
    state: Literal["planned", "convened", "held", "closed"]
    agenda: list[str]
    minutes: PdfFile | None = None
    minutes_approved: bool = False
    acts: list[DemoAct] = []


class DemoContent(Model):
    sessions: list[DemoSession] = []
    acts: list[DemoAct] = []
    directory: list[DemoEntry] = []
    events: list[DemoEvent] = []
    alerts: list[DemoAlert] = []
    services: DemoServices | None = None
    videos: list[DemoVideo] = []
    accessibility: DemoAccessibility | None = None


def load(path: str | Path) -> DemoContent:
    path = Path(path)
    return validate_yaml(DemoContent, path, {"base_dir": path.parent})


def add(site, demo: DemoContent) -> None:
    sessions = site.unrestrictedTraverse(content.SESSIONS)
    register = site.unrestrictedTraverse(content.ACTS)
    for item in demo.sessions:
        session = api.content.create(
            container=sessions,
            type="mairie.CouncilSession",
            id=f"seance-{item.start:%Y-%m-%d}",
            start=item.start,
            place=item.place,
            convocation_date=item.convocation_date,
            state=item.state,
            agenda=RichTextValue(
                "<ol>"
                + "".join(f"<li>{html.escape(point)}</li>" for point in item.agenda)
                + "</ol>",
                "text/html",
                "text/x-html-safe",
            ),
            minutes=_pdf(item.minutes) if item.minutes else None,
            minutes_approved=item.minutes_approved,
        )
        content.publish(session)
        for act in item.acts:
            _add_act(register, act, session.UID())
    for act in demo.acts:
        _add_act(register, act, None)
    add_directory_entries(site.unrestrictedTraverse(content.DIRECTORY), demo.directory)
    add_events(site, demo.events)
    add_alerts(site, demo.alerts)
    add_services(site, demo.services)
    add_videos(site, demo.videos)
    add_accessibility_documents(site, demo.accessibility)


def _add_act(register, act: DemoAct, session_uid) -> None:
    votes = act.votes
    obj = api.content.create(
        container=register,
        type="mairie.Act",
        id=content.normalize_id(act.number),
        title=act.title,
        number=act.number,
        nature=act.nature,
        decision_date=act.decision_date,
        session=session_uid,
        subject_code=act.subject_code,
        subject_subcode=act.subject_subcode,
        subject_label=act.subject_label,
        file=_pdf(act.file),
        vote_effective=votes.effective if votes else None,
        vote_present=votes.present if votes else None,
        vote_for=votes.for_ if votes else None,
        vote_against=votes.against if votes else None,
        vote_abstention=votes.abstention if votes else None,
    )
    content.publish(obj)


def _pdf(path: str) -> NamedBlobFile:
    path = Path(path)
    return NamedBlobFile(data=path.read_bytes(), filename=path.name, contentType="application/pdf")
