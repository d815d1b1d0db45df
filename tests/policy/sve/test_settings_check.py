"""A form an editor set up by hand: its e-mail field found whatever its name; settings that
cannot work told to its editors above the form, and to a citizen in a clear French message."""

from .forms import fr
from .forms import submit
from .people import EDITOR
from .people import text
from mairie.policy.sve.health import problems
from mairie.policy.sve.records import all_requests
from plone import api

import pytest
import requests
import transaction


# The SVE action as EasyForm's « Add new action » writes it: only what differs from the
# defaults, so no e-mail field.
ADDED_BY_HAND = """<model xmlns="http://namespaces.plone.org/supermodel/schema"><schema>
<field name="sve" type="mairie.policy.sve.action.SveAction"><title>SVE</title>
<prefix>SALLE</prefix>{extra}</field></schema></model>"""
NO_EMAIL_FIELD = """<model xmlns="http://namespaces.plone.org/supermodel/schema"><schema>
<field name="name" type="zope.schema.TextLine"><title>Nom</title></field>
<field name="message" type="zope.schema.Text"><title>Message</title></field>
</schema></model>"""
REPLYTO = {"replyto": "jeanne.martin@example.net", "topic": "Salle", "comments": "Le 12 juin"}


def fresh_form(site, actions, fields_model=None, **settings):
    """A new EasyForm as an editor adds it (EasyForm's own fields: replyto, topic, comments)."""
    with api.env.adopt_roles(["Manager"]):
        form = api.content.create(
            container=site["demarches"], type="EasyForm", id="salle", title="Réserver une salle"
        )
        form.actions_model = actions
        if fields_model:
            form.fields_model = fields_model
        for name, value in settings.items():
            setattr(form, name, value)
        api.content.transition(form, "publish")
    transaction.commit()
    return form


def citizen(**values):
    """The form's own answers, none of the ready-made forms'."""
    base = {name: None for name in ("name", "email", "subject", "message", "website")}
    return {**base, **values}


@pytest.mark.parametrize("extra", ["", "<email_field>email</email_field>"])
def test_a_fresh_easyform_with_the_sve_action_takes_requests(staffed_site, smtp, extra):
    form = fresh_form(staffed_site, ADDED_BY_HAND.format(extra=extra))
    page = submit(form.absolute_url(), **citizen(**REPLYTO))
    assert "Il y a des erreurs" not in page
    transaction.begin()
    [record] = all_requests(form)
    assert record.number in page
    assert record.email == "jeanne.martin@example.net"


def test_a_form_without_an_e_mail_field_tells_its_editor_and_the_citizen(staffed_site, smtp):
    form = fresh_form(staffed_site, ADDED_BY_HAND.format(extra=""), fields_model=NO_EMAIL_FIELD)
    warning = fr(problems(form)[0])
    assert "pas de champ d'adresse électronique" in warning
    url = form.absolute_url()
    # Above the form, its edit form, its actions and the SVE action's settings.
    for page in ("", "/edit", "/actions", "/actions/sve", "/fields"):
        response = requests.get(f"{url}{page}", auth=EDITOR, timeout=30)
        assert response.status_code == 200, page
        assert warning in text(response), page
        assert f'href="{url}/actions/sve"' in response.text, page
    # Not to the citizen, who gets a French reason when sending it anyway.
    assert warning not in text(requests.get(url, timeout=30))
    page = submit(url, **citizen(name="Jeanne Martin", message="Bonjour"))
    assert "Rien n'a été enregistré" in page
    assert "pas de champ pour votre adresse électronique" in page
    transaction.begin()
    assert all_requests(form) == []
    # The REST API says the same.
    response = requests.post(
        f"{url}/@demande",
        json={"name": "Jeanne Martin", "message": "Bonjour"},
        headers={"Accept": "application/json"},
        timeout=30,
    )
    assert response.status_code == 503
    assert "pas de champ pour votre adresse électronique" in response.json()["errors"][0]["message"]


def test_every_setting_that_cannot_work_is_named(staffed_site):
    # The ready-made forms have nothing to fix.
    for ready in ("nous-contacter", "donnees-personnelles", "faire-une-demande"):
        assert problems(staffed_site["demarches"][ready]) == []
    form = fresh_form(
        staffed_site,
        ADDED_BY_HAND.format(extra="<required>False</required><prefix>CONTACT</prefix>"),
        fields_model=NO_EMAIL_FIELD.replace(
            "<title>Nom</title>",
            "<title>Nom</title></field><field name='courriel' type='plone.schema.email.Email'>"
            "<title>Courriel</title><required>False</required>",
        ),
    )
    found = [fr(message) for message in problems(form)]
    assert any("est désactivée" in message for message in found)
    assert any("« Courriel » est facultatif" in message for message in found)
    assert any("Aucun agent n'est prévenu" in message for message in found)
    assert any("préfixe « CONTACT »" in message for message in found)  # « Nous contacter »'s
    assert any("service chargé de la demande n'est pas indiqué" in message for message in found)
    assert any("ni adresse électronique ni adresse postale" in message for message in found)
    assert any("RGPD" in message for message in found)
    assert len(found) == 7


def test_a_form_without_any_action_or_whose_sve_action_was_removed(staffed_site, smtp):
    contact = staffed_site["demarches"]["nous-contacter"]
    submit(contact.absolute_url())
    transaction.begin()
    contact.actions_model = (
        '<model xmlns="http://namespaces.plone.org/supermodel/schema"><schema /></model>'
    )
    transaction.commit()
    assert "a été retirée" in fr(problems(contact)[0])
    form = fresh_form(staffed_site, contact.actions_model)
    assert "aucune action active" in fr(problems(form)[0])


def test_the_sve_settings_read_in_french(staffed_site):
    form = staffed_site["demarches"]["nous-contacter"]
    page = text(requests.get(f"{form.absolute_url()}/actions/sve", auth=EDITOR, timeout=30))
    for label in ("acceptation", "rejet", "aucune décision", "mois", "jours"):
        assert f">{label}<" in page or f">{label} <" in page, label
    assert "Le silence de l'administration vaut" in page
    assert "Laissé vide" in page  # the e-mail field's help
    assert ">none<" not in page and ">acceptance<" not in page


def test_citizen_errors_about_no_field_of_the_form_are_shown_at_the_top():
    from collective.easyform.config import FORM_ERROR_MARKER
    from mairie.policy.sve.action import shown_errors

    schema = {"replyto": None}
    assert shown_errors(schema, {"replyto": "a"}) == {"replyto": "a"}
    assert shown_errors(schema, {"email": "b", "replyto": "a"}) == {
        "replyto": "a",
        FORM_ERROR_MARKER: "b",
    }
