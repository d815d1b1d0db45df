"""HTTP helpers for the booking pages: find links and the form's token in a page."""

from policy.sve.smtp import SMTPServer

import html
import re
import requests


__all__ = ["SMTPServer", "authenticator", "links", "post_booking", "text"]


def text(page: str) -> str:
    """The page's text, entities decoded and spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def links(page: str, view: str) -> list[str]:
    return [html.unescape(url) for url in re.findall(rf'href="([^"]*@@{view}\?[^"]*)"', page)]


def authenticator(page: str) -> str:
    return re.search(r'name="_authenticator" value="([^"]+)"', page).group(1)


def post_booking(url: str, query: dict, token: str, headers=None, **fields) -> requests.Response:
    data = {
        "_authenticator": token,
        "nom": "Martin",
        "prenom": "Jeanne",
        "courriel": "jeanne.martin@example.fr",
        "telephone": "06 12 34 56 78",
        "confirmer": "1",
        **query,
        **fields,
    }
    return requests.post(url, data=data, headers=headers, allow_redirects=False, timeout=60)
