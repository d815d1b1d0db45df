"""The accessibility, DPO and newsletter sections of the profile, as `mairie check` reads them."""

from mairie.policy.cli.french import french
from mairie.policy.commune.loader import load_profile
from mairie.policy.commune.loader import ProfileError

import pytest


def problems(path, agency):
    with pytest.raises(ProfileError) as raised:
        load_profile(path, agency)
    return [
        (problem.field, problem.message, french(problem.message))
        for problem in raised.value.problems
    ]


def test_demo_declaration(demo_profile):
    accessibility = demo_profile.accessibility
    assert (accessibility.state, accessibility.rate) == ("partiellement", 74)
    assert accessibility.audit_date.isoformat() == "2026-10-05"
    assert demo_profile.accessibility_contact == "accessibilite@saint-aubin-sur-loire.example.fr"
    assert demo_profile.dpo.email == "dpo@anjou-donnees.example.fr"


def test_without_a_declaration_the_site_is_not_compliant(write_profile, agency):
    def change(data):
        del data["accessibility"]
        del data["dpo"]

    profile = load_profile(write_profile(change), agency)
    assert profile.accessibility.state == "non"
    assert profile.accessibility.rate is None
    assert profile.accessibility.audit_date is None
    assert profile.accessibility_contact == "mairie@saint-aubin-sur-loire.example.fr"
    assert profile.dpo is None


def test_fully_compliant_needs_every_criterion(write_profile, agency):
    def change(data):
        data["accessibility"].update(state="totalement", rate=80)
        del data["accessibility"]["criteria"]

    [(field, message, text)] = problems(write_profile(change), agency)
    assert field == "accessibility"
    assert message == "error_accessibility_rate"
    assert "totalement" in text and "80 %" in text and "100 %" in text


@pytest.mark.parametrize(
    "state,rate",
    [("partiellement", 49.5), ("partiellement", 100), ("non", 74), ("totalement", 99.9)],
)
def test_the_state_follows_the_rate(write_profile, agency, state, rate):
    def change(data):
        data["accessibility"].update(state=state, rate=rate)
        del data["accessibility"]["criteria"]

    [(field, message, _text)] = problems(write_profile(change), agency)
    assert (field, message) == ("accessibility", "error_accessibility_rate")


def test_demo_audit_details(demo_profile):
    """The DINUM model's details: criteria counted, report and grid, pages with their
    addresses, each non-conformity with its alternative (issue 20)."""
    accessibility = demo_profile.accessibility
    criteria = accessibility.criteria
    assert (criteria.met, criteria.not_met, criteria.not_applicable) == (37, 13, 56)
    assert criteria.rate == 74.0
    assert accessibility.audit_report.endswith(".pdf")
    assert accessibility.audit_grid.endswith(".ods")
    assert (accessibility.pages_tested[0].title, accessibility.pages_tested[0].url) == (
        "Accueil",
        "/",
    )
    assert all(item.alternative for item in accessibility.non_conformities)


def test_plain_texts_of_a_former_profile_still_read(write_profile, agency):
    def change(data):
        data["accessibility"]["pages_tested"] = ["Accueil"]
        data["accessibility"]["non_conformities"] = ["La carte n'est pas accessible au clavier."]

    accessibility = load_profile(write_profile(change), agency).accessibility
    assert (accessibility.pages_tested[0].title, accessibility.pages_tested[0].url) == (
        "Accueil",
        "",
    )
    assert accessibility.non_conformities[0].text.startswith("La carte")
    assert accessibility.non_conformities[0].alternative == ""


@pytest.mark.parametrize(
    "change,field,msgid,words",
    [
        (
            {"criteria": {"met": 37, "not_met": 13, "not_applicable": 50}},
            "accessibility.criteria",
            "error_accessibility_criteria",
            "100",
        ),
        (
            {"criteria": {"met": 30, "not_met": 20, "not_applicable": 56}},
            "accessibility",
            "error_accessibility_criteria_rate",
            "60 %",
        ),
        (
            {"pages_tested": [{"title": "Accueil", "url": "accueil.html"}]},
            "accessibility.pages_tested[1].url",
            "error_accessibility_page_url",
            "accueil.html",
        ),
        ({"audit_report": "rapport.pdf"}, "accessibility.audit_report", "error_url", "rapport"),
    ],
)
def test_bad_audit_details(write_profile, agency, change, field, msgid, words):
    [(found, message, text)] = problems(
        write_profile(lambda data: data["accessibility"].update(change)), agency
    )
    assert (found, message) == (field, msgid)
    assert words in text


def test_an_audit_where_no_criterion_applies_is_read(write_profile, agency):
    """It raised a TypeError (no rate to compare with the declared one), not a message."""
    criteria = {"met": 0, "not_met": 0, "not_applicable": 106}
    profile = load_profile(
        write_profile(lambda data: data["accessibility"].update(criteria=criteria)), agency
    )
    assert profile.accessibility.criteria.rate is None
    assert profile.accessibility.rate == 74


def test_a_compliance_state_needs_an_audit(write_profile, agency):
    def change(data):
        data["accessibility"] = {"state": "partiellement"}

    [(field, message, text)] = problems(write_profile(change), agency)
    assert (field, message) == ("accessibility", "error_accessibility_audit")
    assert "partiellement" in text and "audit_date" in text


@pytest.mark.parametrize(
    "change,field,msgid",
    [
        (dict(state="conforme"), "accessibility.state", "error_choice"),
        (dict(rate=120), "accessibility.rate", "error_max"),
        (dict(rate="beaucoup"), "accessibility.rate", "error_number"),
        (dict(audit_date="5 octobre"), "accessibility.audit_date", "error_date"),
        (dict(contact_email="accessibilite"), "accessibility.contact_email", "error_email"),
    ],
)
def test_bad_values(write_profile, agency, change, field, msgid):
    [(found, message, _text)] = problems(
        write_profile(lambda data: data["accessibility"].update(change)), agency
    )
    assert (found, message) == (field, msgid)


def test_the_dpo_needs_an_email(write_profile, agency):
    def change(data):
        data["dpo"] = {"name": "Centre de gestion"}

    [(field, message, _text)] = problems(write_profile(change), agency)
    assert (field, message) == ("dpo.email", "error_missing")


@pytest.mark.parametrize(
    "widget",
    [
        "Inscrivez-vous !",  # no HTML at all
        "<p>Notre lettre</p>",  # no form, iframe nor script
        '</template><script src="https://lettre.example.fr/w.js"></script>',  # escapes the template
    ],
)
def test_a_newsletter_widget_must_be_one(write_profile, agency, widget):
    def change(data):
        data["newsletter_widget"] = widget

    [(field, message, _text)] = problems(write_profile(change), agency)
    assert (field, message) == ("newsletter_widget", "error_newsletter_widget")


def test_a_provider_script_is_a_widget(write_profile, agency):
    widget = '<div id="sib"></div><script src="https://lettre.example.fr/widget.js" async></script>'

    def change(data):
        data["newsletter_widget"] = widget

    assert load_profile(write_profile(change), agency).newsletter_widget == widget
