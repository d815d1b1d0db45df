"""Places where the public is received: the mairie itself and the local public services."""
