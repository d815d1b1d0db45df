"""The daily run (`mairie sve`): the receipts due, then the requests past retention."""

from . import agents


def run(sites, today=None, now=None) -> tuple[int, int]:
    """(receipts sent, requests deleted) over every form of the given sites."""
    sent = deleted = 0
    for site in sites:
        for form in agents.forms_with_requests(site):
            sent += agents.send_due_receipts(form, today)
            deleted += agents.purge_expired(form, now)
    return sent, deleted
