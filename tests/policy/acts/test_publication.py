"""Publishing an act records when, and freezes what (CGCT L2131-1)."""

from datetime import datetime
from datetime import timedelta
from freezegun import freeze_time
from mairie.policy.acts import publication
from mairie.policy.acts.views import published_on
from plone import api
from zExceptions import Forbidden
from zope.event import notify
from zope.i18n import translate
from zope.lifecycleevent import ObjectModifiedEvent

import hashlib
import pytest


def test_publishing_records_date_and_fingerprint(acts_register, helpers):
    act = helpers.add_act(acts_register)
    assert act.publication_datetime is None
    with freeze_time("2026-11-26 13:03:27"):  # UTC: 14 h 03 in Paris
        api.content.transition(obj=act, transition="publish")
    assert api.content.get_state(act) == "published"
    assert act.publication_datetime.isoformat() == "2026-11-26T14:03:27+01:00"
    assert act.publication_datetime.tzinfo.zone == "Europe/Paris"
    assert act.sha256 == hashlib.sha256(helpers.PDF).hexdigest()
    message = published_on(act, act.REQUEST)
    assert message.mapping["hour"] == "14"
    assert message.mapping["minute"] == "03"
    assert message.mapping["date"].endswith(" 2026")
    assert message.mapping["date"].startswith("26 ")


@pytest.mark.parametrize(
    "utc,paris",
    [
        # 25 October 2026, Paris goes from CEST (+02:00) back to CET (+01:00)
        # at 03:00 local time (01:00 UTC): 02:30 happens twice.
        ("2026-10-25 00:30:00", "2026-10-25T02:30:00+02:00"),
        ("2026-10-25 01:30:00", "2026-10-25T02:30:00+01:00"),
        # 29 March 2026, 02:00 local does not exist: 01:30 UTC is 03:30 CEST.
        ("2026-03-29 01:30:00", "2026-03-29T03:30:00+02:00"),
    ],
)
def test_publication_around_daylight_saving_change(acts_register, helpers, utc, paris):
    act = helpers.add_act(acts_register)
    with freeze_time(utc):
        api.content.transition(obj=act, transition="publish")
    assert act.publication_datetime.isoformat() == paris
    # The same instant, whatever the offset says.
    assert act.publication_datetime == datetime.fromisoformat(utc + "+00:00")


def test_republishing_keeps_the_first_date(acts_register, helpers):
    act = helpers.add_act(acts_register)
    with freeze_time("2026-11-26 13:03:00"):
        api.content.transition(obj=act, transition="publish")
    first = act.publication_datetime
    fingerprint = act.sha256
    with freeze_time("2026-11-27 09:00:00"):
        api.content.transition(obj=act, transition="retract")
    with freeze_time("2026-12-01 09:00:00"):
        api.content.transition(obj=act, transition="publish")
    assert act.publication_datetime == first
    assert act.sha256 == fingerprint


def test_file_can_change_before_publication(acts_register, helpers):
    act = helpers.add_act(acts_register)
    act.file = helpers.pdf(helpers.OTHER_PDF)
    notify(ObjectModifiedEvent(act))
    api.content.transition(obj=act, transition="publish")
    assert act.sha256 == hashlib.sha256(helpers.OTHER_PDF).hexdigest()


def test_subscriber_refuses_a_new_file_after_publication(acts_register, helpers):
    act = helpers.add_act(acts_register)
    api.content.transition(obj=act, transition="publish")
    act.file = helpers.pdf(helpers.OTHER_PDF)
    with pytest.raises(Forbidden) as error:
        notify(ObjectModifiedEvent(act))
    # The site's language, not a msgid: REST and script users read it as is.
    assert str(error.value) == translate(publication.FROZEN_MESSAGE, target_language="fr")
    assert "error_act_frozen" not in str(error.value)


def test_subscriber_refuses_removing_the_file_after_publication(acts_register, helpers):
    act = helpers.add_act(acts_register)
    api.content.transition(obj=act, transition="publish")
    act.file = None
    with pytest.raises(Forbidden):
        notify(ObjectModifiedEvent(act))


def test_other_edits_stay_possible_after_publication(acts_register, helpers):
    act = helpers.add_act(acts_register)
    api.content.transition(obj=act, transition="publish")
    act.subject_label = "Budget"
    notify(ObjectModifiedEvent(act))
    assert act.subject_label == "Budget"


def test_republishing_refuses_a_file_changed_behind_the_rules(acts_register, helpers):
    act = helpers.add_act(acts_register)
    api.content.transition(obj=act, transition="publish")
    api.content.transition(obj=act, transition="retract")
    act.file = helpers.pdf(helpers.OTHER_PDF)  # no event: a careless script
    with pytest.raises(Forbidden):
        api.content.transition(obj=act, transition="publish")


def test_a_copy_is_a_new_unpublished_act(acts_register, helpers):
    act = helpers.add_act(acts_register)
    api.content.transition(obj=act, transition="publish")
    copy = api.content.copy(source=act, target=acts_register, id="copie")
    assert copy.publication_datetime is None
    assert copy.sha256 is None
    assert api.content.get_state(copy) == "private"


def test_publication_date_is_never_in_the_future(acts_register, helpers):
    act = helpers.add_act(acts_register)
    before = datetime.now().astimezone()
    api.content.transition(obj=act, transition="publish")
    assert before - timedelta(seconds=1) <= act.publication_datetime
