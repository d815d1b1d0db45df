"""The municipal council: its elected members, in the legal order."""
