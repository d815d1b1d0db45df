"""The commune profile: the one YAML file an agency fills in at order time."""
