from setuptools import find_namespace_packages
from setuptools import setup


setup(
    name="mairie.themes",
    version="1.0.0.dev0",
    description="mairie: les 12 modèles graphiques (thèmes Diazo) personnalisés par commune",
    license="GPL-2.0-only",
    python_requires=">=3.11",
    package_dir={"": "src"},
    packages=find_namespace_packages("src", include=["mairie.*"]),
    include_package_data=True,
    zip_safe=False,
    install_requires=[
        "Products.CMFPlone",
        "plone.app.theming",
        "plonetheme.barceloneta",
    ],
    entry_points={
        "z3c.autoinclude.plugin": ["target = plone"],
    },
)
