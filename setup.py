"""The mairie distribution: a Plone 6.2 site per French commune."""

from pathlib import Path
from setuptools import setup


setup(
    name="mairie",
    version="1.0.0.dev0",
    description="Site internet clé en main pour les communes françaises, sur Plone 6.2",
    long_description=(Path(__file__).parent / "README.md").read_text(encoding="utf-8"),
    long_description_content_type="text/markdown",
    license="GPL-2.0-only",
    python_requires=">=3.11",
    packages=[],
    install_requires=[
        "mairie.policy",
        "mairie.themes",
        "mairie.rdv",
        "mairie.payfip",
    ],
    extras_require={
        "test": [
            "pytest",
            "pytest-plone",
            "plone.app.testing",
            "freezegun",
            "pytest-httpserver",
            "requests",
            "playwright",
            "axe-playwright-python",
            # Validators used only by the tests (issue 20): Scrapy's robots.txt parser
            # (BSD-3-Clause) and python-stdnum (LGPL-2.1+), the SIRET rules Validata uses.
            "protego",
            "python-stdnum",
            # Issue 20: a strict RFC 5545 parser (ical, Apache-2.0: run by the tests as a
            # separate program, never imported by the product) and frictionless (MIT),
            # the table-schema engine under Validata, for the SCDL CSV.
            "ical",
            "frictionless",
        ],
        # production.cfg: the ZODB in PostgreSQL through RelStorage, with the
        # pure-Python pg8000 driver (BSD licence, nothing to compile).
        "production": [
            "relstorage",
            "pg8000",
        ],
        "dev": [
            "ruff",
            "zpretty",
            "i18ndude",
        ],
    },
)
