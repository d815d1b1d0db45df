from setuptools import find_namespace_packages
from setuptools import setup


setup(
    name="mairie.payfip",
    version="1.0.0.dev0",
    description="mairie: paiement en ligne des factures de la commune par PayFiP (DGFiP)",
    license="GPL-2.0-only",
    python_requires=">=3.11",
    package_dir={"": "src"},
    packages=find_namespace_packages("src", include=["mairie.*"]),
    include_package_data=True,
    zip_safe=False,
    install_requires=[
        "Products.CMFPlone",
        "plone.api",
    ],
    entry_points={
        "z3c.autoinclude.plugin": ["target = plone"],
    },
)
