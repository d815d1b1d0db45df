"""« Conformité de la commune »: the legal obligations, checked live (checks.py)."""
