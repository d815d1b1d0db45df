"""The secret login path the back-office tests give their commune."""

LOGIN_PATH = "espace-agents-test"
