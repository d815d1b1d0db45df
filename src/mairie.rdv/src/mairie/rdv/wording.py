"""Moments in French words, for mails, text messages and pages alike."""

from datetime import datetime
from mairie.policy.acts.dates import full_date
from mairie.policy.acts.dates import paris_time
from mairie.policy.french import plural
from mairie.policy.hours.schedule import french_time
from mairie.rdv import _
from zope.i18n import translate


def french_when(moment: datetime) -> str:
    """« lundi 29 mars 2027 à 9 h 00 », in Paris time."""
    moment = paris_time(moment)
    return translate(
        _(
            "rdv_date_at_time",
            default="${date} at ${time}",
            mapping={
                "date": full_date(moment.date(), target_language="fr"),
                "time": french_time(moment.time()),
            },
        ),
        target_language="fr",
    )


def people(count: int) -> str:
    """« 1 personne », « 3 personnes »."""
    return translate(
        plural(
            count,
            _("rdv_people_one", default="${count} person", mapping={"count": count}),
            _("rdv_people_many", default="${count} people", mapping={"count": count}),
        ),
        target_language="fr",
    )
