"""Cookie consent (tarteaucitron.js): nothing from a third party before the visitor's choice."""
