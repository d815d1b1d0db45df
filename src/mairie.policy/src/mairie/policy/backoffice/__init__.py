"""Who may reach the back-office, and where its login form lives."""
