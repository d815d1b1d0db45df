"""The daily run (`mairie sve`): the requests past retention, the receipts due, the mail queue."""

from . import agents
from mairie.policy import mailqueue

import transaction


def run(sites, today=None, now=None) -> tuple[int, int, int]:
    """(receipts sent, requests deleted, mails still queued) over the given sites.

    Each site's receipts are queued and committed, then its mail queue delivered.
    """
    sent = deleted = waiting = 0
    for site in sites:
        for form in agents.forms_with_requests(site):
            deleted += agents.purge_expired(form, now)
            sent += agents.send_due_receipts(form, today)
        transaction.commit()
        waiting += mailqueue.flush(site.MailHost)
    return sent, deleted, waiting
