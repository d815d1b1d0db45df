"""The act's own rules, as every path (form, REST, script) checks them."""

from datetime import date
from mairie.policy.acts.act import BadSubjectSubcode
from mairie.policy.acts.act import IAct
from mairie.policy.acts.act import is_pdf
from mairie.policy.acts.act import NotAPDF
from mairie.policy.acts.act import number_key
from mairie.policy.acts.session import ICouncilSession
from mairie.policy.acts.session import MinutesNotAPDF
from plone import api
from zExceptions import Forbidden
from zope.interface.exceptions import Invalid

import pytest


def test_pdf_is_recognised_by_its_content_not_its_name(helpers):
    assert is_pdf(helpers.pdf(helpers.PDF, filename="acte.bin"))
    assert is_pdf(None)
    with pytest.raises(NotAPDF):
        is_pdf(helpers.pdf(helpers.NOT_PDF, filename="acte.pdf"))
    with pytest.raises(NotAPDF):
        is_pdf(helpers.pdf(b"", filename="vide.pdf"))


def test_minutes_that_are_not_a_pdf_get_their_own_message(helpers):
    field = ICouncilSession["minutes"]
    field.validate(helpers.pdf(helpers.PDF, filename="pv.pdf"))
    with pytest.raises(MinutesNotAPDF) as refused:
        field.validate(helpers.pdf(helpers.NOT_PDF, filename="pv.pdf"))
    assert refused.value.doc() == "error_minutes_not_a_pdf"


def test_number_key_ignores_case_and_spaces():
    assert number_key(" 2026-A 17", date(2026, 1, 5)) == number_key("2026-a17", date(2026, 12, 31))
    assert number_key("2026-042", date(2026, 1, 5)) != number_key("2026-042", date(2027, 1, 5))


def test_invariants_on_an_existing_act(acts_register, helpers):
    act = helpers.add_act(acts_register)
    # The act does not clash with itself...
    IAct.validateInvariants(act)
    # ...but a second act with the same number in the same year does.
    other = helpers.add_act(acts_register, "2026-043")
    other.number = "2026-042"
    with pytest.raises(Invalid):
        IAct.validateInvariants(other)


@pytest.mark.parametrize(
    "fields",
    [
        {"vote_effective": 19, "vote_present": 20},
        {"vote_present": 10, "vote_for": 6, "vote_against": 3, "vote_abstention": 2},
        {"subject_code": "7", "subject_subcode": "2.1"},
    ],
)
def test_inconsistent_fields_are_refused(acts_register, helpers, fields):
    act = helpers.add_act(acts_register)
    for name, value in fields.items():
        setattr(act, name, value)
    with pytest.raises(Invalid):
        IAct.validateInvariants(act)


def test_subject_subcode_shape():
    field = IAct["subject_subcode"]
    field.validate("7.10")
    with pytest.raises(BadSubjectSubcode):
        field.validate("7-1")


def test_an_act_without_pdf_cannot_be_published(acts_register, helpers):
    act = helpers.add_act(acts_register, file=None)
    with pytest.raises(Forbidden):
        api.content.transition(obj=act, transition="publish")
    assert act.publication_datetime is None
