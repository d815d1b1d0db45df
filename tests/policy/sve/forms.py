"""What a visitor does to a ready-made form (over HTTP) and how a test changes its SVE action."""

from zope.i18n import translate

import html
import re
import requests
import transaction


def configure(form, **settings):
    """Change settings of the form's SVE action (in its XML model), then commit."""
    model = form.actions_model
    for name, value in settings.items():
        if name == "recipients":
            elements = "".join(f"<element>{address}</element>" for address in value)
            model = re.sub(
                r"<recipients>.*?</recipients>",
                f"<recipients>{elements}</recipients>",
                model,
                flags=re.S,
            )
        else:
            model = re.sub(rf"<{name}>.*?</{name}>", f"<{name}>{value}</{name}>", model, flags=re.S)
    form.actions_model = model
    transaction.commit()


def switch_off(form):
    """Untick the form's SVE action (EasyForm's "enabled"), then commit."""
    transaction.begin()  # see the requests the web server stored
    form.actions_model = form.actions_model.replace(
        "<title>", "<required>False</required><title>", 1
    )
    transaction.commit()


def fields(**values):
    answers = {
        "name": "Jeanne Martin",
        "email": "jeanne.martin@example.net",
        "subject": "Horaires de la déchetterie",
        "message": "Bonjour, quels sont les horaires ?",
        "website": "",
    }
    answers.update(values)
    return {f"form.widgets.{name}": value for name, value in answers.items() if value is not None}


def submit(form_url, files=None, headers=None, **values):
    """Fill in and send the form as a visitor does; the answer page as text."""
    session = requests.Session()
    session.headers.update(headers or {})
    got = session.get(form_url, timeout=30)
    assert got.ok, got.text[-3000:]
    page = got.text
    data = fields(**values)
    token = re.search(r'name="_authenticator" value="([^"]+)"', page)
    if token:
        data["_authenticator"] = token.group(1)
    data["form.buttons.submit"] = "Envoyer"
    response = session.post(form_url, data=data, files=files, timeout=30)
    assert response.ok, response.text[-3000:]
    return html.unescape(response.text)


def fr(message):
    return translate(message, target_language="fr")
