"""Mails to an account's owner (lockout, password change), through the site's mail queue."""

from mairie.policy.french import fr
from mairie.policy.sve.mails import send
from plone import api
from zope.i18nmessageid import Message


def mail_owner(user, subject, body, **mapping) -> None:
    """Queue ``subject`` and ``body`` (messages) to the user, with ``login`` and ``site`` filled in."""
    email = user.getProperty("email", "")
    if not email:
        return
    mapping.update(login=user.getUserName(), site=api.portal.get().absolute_url())
    send([(email, fr(subject), fr(Message(body, mapping=mapping)))])
