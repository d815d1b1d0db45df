"""The editors' file fields: no phantom after a refusal, the size checked before sending."""
