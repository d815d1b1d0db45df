"""French of Plone's own messages that plone.app.locales lacks or writes wrong: ours win
(mairie.policy.translations registers its catalogues ahead of the others)."""

from zope.i18n import translate
from zope.i18nmessageid import Message

import pytest


@pytest.mark.parametrize(
    "domain,msgid,french",
    [
        ("plone", "Item created", "Élément créé"),
        ("plone", "breadcrumb", "Fil d'Ariane"),
        ("plone", "add_new_action_hellip", "Ajouter une action…"),
        ("plone.schemaeditor", "Settings&hellip;", "Paramètres…"),
        ("plone.schemaeditor", "Save", "Enregistrer"),
        ("collective.easyform", "Save", "Enregistrer"),
        ("widgets", "${current} of ${total} selected", "Sélection : ${current} sur ${total}"),
        ("widgets", "published", "publié"),
        ("plonelocales", "time_format", "${H}\u00a0h\u00a0${M}"),
    ],
)
def test_our_french_wins(integration, domain, msgid, french):
    assert translate(Message(msgid, domain=domain), target_language="fr") == french


def test_theirs_still_answer_the_rest(integration):
    assert translate(Message("Title", domain="plone"), target_language="fr") == "Titre"


def test_plone_writes_times_as_the_site_does(integration):
    portal = integration["portal"]
    request = integration["request"]
    request["LANGUAGE"] = "fr"
    plone = portal.restrictedTraverse("@@plone")
    assert plone.toLocalizedTime("2026/12/12 14:00:00", time_only=True) == "14\u00a0h\u00a000"
