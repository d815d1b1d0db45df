"""The commune's people for the editors' and agents' tests: an editor and a reception agent.

Plain accounts in the commune's groups (accounts/groups.py), as the town hall makes them;
no second factor is asked of them.
"""

from mairie.policy.accounts.groups import ensure_groups
from plone import api

import html
import re
import requests
import transaction


PASSWORD = "cheval agrafe batterie correcte 42"
EDITOR = ("redactrice", PASSWORD)
AGENT = ("accueil", PASSWORD)
MEMBER = ("habitant", PASSWORD)
COMMUNE = {
    "mairie.commune.email_contact": "mairie@saint-aubin.example.fr",
    "mairie.commune.address_street": "1 place de la Mairie",
    "mairie.commune.address_postal_code": "49000",
    "mairie.commune.address_city": "Saint-Aubin-sur-Loire",
    "mairie.commune.phone": "02 41 00 00 00",
}


def add_people(portal) -> None:
    with api.env.adopt_roles(["Manager"]):
        ensure_groups(portal)
        for (login, password), group in ((EDITOR, "redacteurs"), (AGENT, "agents-accueil")):
            api.user.create(username=login, email=f"{login}@example.net", password=password)
            api.group.add_user(groupname=group, username=login)
        api.user.create(username=MEMBER[0], email="habitant@example.net", password=PASSWORD)
        for name, value in COMMUNE.items():
            portal.portal_registry[name] = value
    transaction.commit()


def text(response) -> str:
    return html.unescape(response.text)


def new_procedure(folder, title, auth=EDITOR, description=""):
    """Fill in « Nouvelle démarche en ligne » as the editor does; the answer."""
    session = requests.Session()
    session.auth = auth
    url = f"{folder.absolute_url()}/@@nouvelle-demarche"
    page = session.get(url, timeout=30)
    assert page.status_code == 200, page.text[-2000:]
    token = re.search(r'name="_authenticator" value="([^"]+)"', page.text).group(1)
    data = {"_authenticator": token, "title": title, "description": description, "creer": "1"}
    return session.post(url, data=data, timeout=30)
