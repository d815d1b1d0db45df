"""A real SMTP server on 127.0.0.1 for the tests: it keeps the messages it receives.

A pytest plugin (``pytest_plugins`` in tests/conftest.py): the ``smtp`` fixture is one
such server, stopped after the test; ``smtp.receive_from(portal, folder)`` sends the
site's mail there.
"""

from email import message_from_bytes
from email.header import decode_header
from email.header import make_header
from mairie.policy import mailqueue

import pytest
import socketserver
import threading


class _Handler(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        self.reply("220 localhost test SMTP")
        sender, recipients = None, []
        while True:
            line = self.rfile.readline()
            if not line:
                return
            command = line.decode("ascii", "replace").strip()
            verb = command[:4].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250 localhost")
            elif verb == "MAIL":
                sender, recipients = command[10:].strip("<> "), []
                self.reply("250 OK")
            elif verb == "RCPT":
                recipients.append(command[8:].strip("<> "))
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                data = []
                while (chunk := self.rfile.readline()) not in (b".\r\n", b".\n", b""):
                    data.append(chunk[1:] if chunk.startswith(b"..") else chunk)
                self.server.received.append(Mail(sender, recipients, b"".join(data)))
                self.reply("250 OK queued")
            elif verb == "QUIT":
                self.reply("221 Bye")
                return
            else:
                self.reply("250 OK")


class Mail:
    def __init__(self, sender, recipients, data):
        self.sender = sender
        self.recipients = recipients
        self.message = message_from_bytes(data)

    @property
    def subject(self):
        return str(make_header(decode_header(self.message["Subject"])))

    @property
    def body(self):
        return self.message.get_payload(decode=True).decode("utf-8")


class SMTPServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.received = []
        self.queues = []  # MailHosts whose queue is delivered before the mailbox is read
        self.port = self.server_address[1]
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.shutdown()
        self.server_close()

    def receive_from(self, portal, queue) -> None:
        """The site's mail comes here: its queue in folder ``queue``, this server in its registry."""
        mailqueue.use_queue(portal.MailHost, str(queue))
        self.queues.append(portal.MailHost)
        # Plone's MailHost takes its server from the registry.
        registry = portal.portal_registry
        registry["plone.smtp_host"] = "127.0.0.1"
        registry["plone.smtp_port"] = self.port
        registry["plone.email_from_address"] = "ne-pas-repondre@example.org"
        registry["plone.email_from_name"] = "Mairie de Saint-Aubin"

    @property
    def messages(self):
        """The mails received, once the queues of ``queues`` are delivered."""
        for mailhost in self.queues:
            mailqueue.flush(mailhost)
        return self.received

    def to(self, address):
        return [mail for mail in self.messages if address in mail.recipients]


@pytest.fixture
def smtp():
    server = SMTPServer()
    yield server
    server.stop()
