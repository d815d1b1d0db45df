"""The right a person exercises (a choice of the « Données personnelles » form) reads in French
wherever the request is shown: the agents' request page, the CSV export, the agents' notice."""

from .forms import submit
from .test_agents import AUTH
from mairie.policy.sve.records import all_requests

import html
import requests
import transaction


CHOSEN = "sve_right_access"
FRENCH = "Accès à mes données"


def test_the_right_reads_in_french_on_the_page_in_the_csv_and_in_the_mail(site, smtp):
    form = site["demarches"]["donnees-personnelles"]
    submit(
        form.absolute_url(),
        subject=None,
        address="1 rue de la Mairie",
        right=CHOSEN,
        message="Les données de mon compte famille",
    )
    transaction.begin()
    (record,) = all_requests(form)
    base = f"{form.absolute_url()}"
    page = html.unescape(
        requests.get(
            f"{base}/@@demande", params={"numero": record.number}, auth=AUTH, timeout=30
        ).text
    )
    export = requests.get(f"{base}/@@demandes.csv", auth=AUTH, timeout=30).content.decode(
        "utf-8-sig"
    )
    (notice,) = [message for message in smtp.messages if "@@demandes" in message.body]
    for shown in (page, export, notice.body):
        assert FRENCH in shown
        assert CHOSEN not in shown
