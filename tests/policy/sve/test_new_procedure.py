"""« Nouvelle démarche en ligne »: an editor makes a form that takes requests, in one step;
« Demandes reçues »: the agents find the requests of every form from one entry."""

from .forms import submit
from .people import AGENT
from .people import COMMUNE
from .people import EDITOR
from .people import MEMBER
from .people import new_procedure
from .people import text
from mairie.policy.sve import agents
from mairie.policy.sve.health import problems
from mairie.policy.sve.records import all_requests
from mairie.policy.sve.records import IN_PROGRESS
from plone import api

import requests
import transaction


def forms(folder):
    return [item for item in folder.objectValues() if item.portal_type == "EasyForm"]


def created(site, title):
    transaction.begin()
    [form] = [form for form in forms(site["demarches"]) if form.Title() == title]
    return form


def test_an_editor_makes_a_procedure_that_takes_requests(staffed_site, smtp):
    folder = staffed_site["demarches"]
    response = new_procedure(
        folder, "Demande de salle", description="Salle des fêtes, salle du conseil"
    )
    assert response.status_code == 200
    page = text(response)
    assert "La démarche en ligne « Demande de salle » est créée" in page
    assert "SAL-ANNÉE-000001" in page
    form = created(staffed_site, "Demande de salle")
    assert response.url == form.absolute_url()
    action = agents.sve_action(form)
    assert action.prefix == "SAL"
    assert action.email_field == "email"
    assert action.service_name == staffed_site.Title()
    assert action.service_email == COMMUNE["mairie.commune.email_contact"]
    assert action.service_address == "1 place de la Mairie, 49000 Saint-Aubin-sur-Loire"
    assert action.service_phone == COMMUNE["mairie.commune.phone"]
    assert action.recipients == [COMMUNE["mairie.commune.email_contact"]]
    assert "CNIL" in form.formEpilogue.output
    assert "1 place de la Mairie" in form.formEpilogue.output
    assert problems(form) == []
    # Private until the editor publishes it.
    assert api.content.get_state(form) == "private"
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(form, "publish")
    transaction.commit()

    page = submit(form.absolute_url(), subject=None, message="La salle des fêtes le 12 juin")
    transaction.begin()
    [record] = all_requests(form)
    assert record.number.startswith("SAL-") and record.number.endswith("-000001")
    assert record.number in page
    assert record.email == "jeanne.martin@example.net"


def test_each_procedure_gets_a_prefix_of_its_own(staffed_site, smtp):
    folder = staffed_site["demarches"]
    for _ in range(2):
        assert new_procedure(folder, "Demande de salle").status_code == 200
    assert new_procedure(folder, "Demande").status_code == 200
    transaction.begin()
    prefixes = [agents.sve_action(form).prefix for form in forms(folder)]
    # The ready-made forms' CONTACT, RGPD, DEMANDE, then SAL, SALLE and DEM.
    assert prefixes == ["CONTACT", "RGPD", "DEMANDE", "SAL", "SALLE", "DEM"]


def test_a_title_is_asked_for_in_french(staffed_site):
    folder = staffed_site["demarches"]
    response = new_procedure(folder, "   ")
    assert response.status_code == 200
    assert "Donnez un titre à la démarche" in text(response)
    assert 'aria-invalid="true"' in response.text
    transaction.begin()
    assert len(forms(folder)) == 3


def test_the_way_in_is_shown_to_editors_only(staffed_site):
    folder = staffed_site["demarches"]
    page = text(requests.get(folder.absolute_url(), auth=EDITOR, timeout=30))
    assert 'id="mairie-nouvelle-demarche"' in page  # in the toolbar
    assert page.count(f'href="{folder.absolute_url()}/@@nouvelle-demarche"') == 2  # and a button
    assert "Nouvelle démarche en ligne" in page
    for auth in (None, MEMBER, AGENT):
        page = requests.get(folder.absolute_url(), auth=auth, timeout=30).text
        assert "@@nouvelle-demarche" not in page
    refused = requests.get(
        f"{folder.absolute_url()}/@@nouvelle-demarche", timeout=30, allow_redirects=False
    )
    assert refused.status_code in (302, 401, 403, 404)
    news = requests.get(staffed_site.absolute_url(), auth=EDITOR, timeout=30).text
    assert "mairie-nouvelle-demarche" not in news  # only in « Démarches »


def test_requests_received_lists_every_form_with_its_new_requests(staffed_site, smtp):
    contact = staffed_site["demarches"]["nous-contacter"]
    for _ in range(3):
        submit(contact.absolute_url())
    transaction.begin()
    first = all_requests(contact)[-1]
    agents.change_status(contact, first, IN_PROGRESS, "accueil")
    transaction.commit()

    home = text(requests.get(staffed_site.absolute_url(), auth=AGENT, timeout=30))
    assert 'id="personaltools-demandes-recues"' in home  # in the agent's personal menu
    url = f"{staffed_site.absolute_url()}/@@demandes-recues"
    assert f'href="{url}"' in home
    response = requests.get(url, auth=AGENT, timeout=30)
    assert response.status_code == 200
    page = text(response)
    assert "Demandes reçues" in page
    for form in forms(staffed_site["demarches"]):
        assert f'href="{form.absolute_url()}/@@demandes"' in page
    row = page.split(f'href="{contact.absolute_url()}/@@demandes"', 1)[1].split("</tr>", 1)[0]
    assert f'href="{contact.absolute_url()}/@@demandes?statut=recue"' in row
    cells = [cell.split("</td>")[0] for cell in row.split("<td")[1:]]
    assert "2" in cells[0] and cells[1].endswith(">1") and cells[2].endswith(">3")
    # The agent is not an editor: no « Nouvelle démarche en ligne » for him.
    assert "@@nouvelle-demarche" not in page


def test_requests_received_is_closed_to_others(staffed_site):
    url = f"{staffed_site.absolute_url()}/@@demandes-recues"
    for auth in (None, MEMBER):
        response = requests.get(url, auth=auth, timeout=30, allow_redirects=False)
        assert response.status_code in (302, 401, 403, 404)
        assert (
            "mairie-demandes-recues"
            not in requests.get(staffed_site.absolute_url(), auth=auth, timeout=30).text
        )
