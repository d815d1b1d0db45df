"""The commune's home page: its hero, its blocks and their composition."""
