"""Back-office accounts: password rules, lockout, two-factor login, groups and rights."""
