"""News and agenda: French defaults for Plone's news items and events, home-page blocks, iCal."""
