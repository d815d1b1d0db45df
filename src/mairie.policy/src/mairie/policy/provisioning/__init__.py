"""Turn a validated commune profile into a Plone site, and keep it in step."""
