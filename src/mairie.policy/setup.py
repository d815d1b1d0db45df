from setuptools import find_namespace_packages
from setuptools import setup


setup(
    name="mairie.policy",
    version="1.0.0.dev0",
    description="mairie: la commune (profil, création du site, contenus, formulaires, sécurité)",
    license="GPL-2.0-only",
    python_requires=">=3.11",
    package_dir={"": "src"},
    packages=find_namespace_packages("src", include=["mairie.*"]),
    include_package_data=True,
    zip_safe=False,
    install_requires=[
        "Products.CMFPlone",
        "plone.api",
        "plone.restapi",
        "collective.easyform",
        "plone.app.mosaic",
        "plone.app.multilingual",
        "plone.app.caching",
        "mairie.themes",
        "PyYAML",
        "pydantic",
        "email-validator",
        "Pillow",
        "lxml",
    ],
    entry_points={
        "z3c.autoinclude.plugin": ["target = plone"],
        "console_scripts": ["mairie = mairie.policy.cli.main:main"],
    },
)
