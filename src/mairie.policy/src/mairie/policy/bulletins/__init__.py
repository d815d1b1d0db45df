"""The municipal bulletin: its issues, readable online."""
