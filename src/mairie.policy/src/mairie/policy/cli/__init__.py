"""The ``mairie`` command of agency operators."""
