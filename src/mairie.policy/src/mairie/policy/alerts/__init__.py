"""Alerts ("Flash info"): short messages shown above every page while they are in force."""
