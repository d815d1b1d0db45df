"""The sites' mail queue: a mail goes to disk with its transaction, then to the SMTP server.

Each site's MailHost queues (Products.MailHost ``smtp_queue``): zope.sendmail
writes a mail into a maildir only when its transaction commits, and a thread of
the Zope process that queued it delivers the maildir every few seconds, keeping
a mail while the server is down and trying it again three hours later
(zope.sendmail's delay, so that two processes never send one mail twice). So a mail server down never
aborts the transaction that sends a mail (a citizen's request is never lost
for it), and a transaction retried after a conflict queues its mails once.
``flush`` delivers a queue from a command: the daily run (`mairie sve`) calls
it, so mails left by a process that stopped are not forgotten.
"""

from App.config import getConfiguration
from pathlib import Path
from zope.sendmail.maildir import Maildir
from zope.sendmail.queue import QueueProcessorThread


def directory(site) -> str:
    """Where the site's queue lives: ``<instance>/var/mailqueue/<site id>``."""
    return str(Path(getConfiguration().clienthome) / "mailqueue" / site.getId())


def use_queue(mailhost, path: str) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Maildir(path, create=True)
    mailhost.smtp_queue = True
    mailhost.smtp_queue_directory = path


def flush(mailhost) -> int:
    """Try to deliver every queued mail once; the number of mails still waiting."""
    processor = QueueProcessorThread()
    processor.setMaildir(Maildir(mailhost.smtp_queue_directory, create=True))
    processor.setMailer(mailhost._makeMailer())
    processor.run(forever=False)
    return mailhost.queueLength()
