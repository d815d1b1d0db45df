"""The test SMTP server now lives in tests/mailserver.py; tests/rdv still imports it from here."""

from mailserver import SMTPServer


__all__ = ["SMTPServer"]
