"""Run in its own process by test_roundtrip.py: open a deployment and read or change it.

Usage: python zope_script.py ZOPE_CONF state|change|big-file [SIZE]
Prints the commune's state as JSON (after the change, if any).
"""

from mairie.policy.cli.zope import zope_app
from plone import api
from plone.namedfile.file import NamedBlobFile
from zope.component.hooks import setSite

import hashlib
import json
import sys


SLUG = "saint-aubin-sur-loire"


def state(site):
    catalog = site.portal_catalog
    page = catalog.unrestrictedSearchResults(portal_type="Document", sort_on="path")[0]
    image = catalog.unrestrictedSearchResults(portal_type="Image", sort_on="path")[0]
    return {
        "page": page.getPath(),
        "title": page._unrestrictedGetObject().title,
        "image": image.getPath(),
        "image_md5": hashlib.md5(image._unrestrictedGetObject().image.data).hexdigest(),
        "files": sorted(
            brain.getId for brain in catalog.unrestrictedSearchResults(portal_type="File")
        ),
    }


def change(site):
    page = site.portal_catalog.unrestrictedSearchResults(portal_type="Document", sort_on="path")[0]
    page = page._unrestrictedGetObject()
    page.title = "Page modifiée après la sauvegarde"
    page.reindexObject()
    api.content.create(
        container=site,
        type="File",
        id="ajoute-apres-sauvegarde",
        title="Ajouté après la sauvegarde",
        file=NamedBlobFile(data=b"x" * 1_000_000, filename="ajout.bin"),
    )


def big_file(site, size):
    """A file of ``size`` bytes of zeros, sparse on disk: the quota test needs no real GB."""
    sparse = site._p_jar.db().storage.temporaryDirectory() + "/big.bin"
    with open(sparse, "wb") as file:
        file.truncate(size)
    with open(sparse, "rb") as file:
        # A file object is consumed (moved) into the blob directory, not copied.
        blob = NamedBlobFile(data=file, filename="gros.bin")
    api.content.create(container=site, type="File", id="gros-fichier", title="Gros", file=blob)


def main(zope_conf, action, *arguments):
    with zope_app(zope_conf) as app:
        site = app[SLUG]
        setSite(site)
        if action == "change":
            change(site)
        elif action == "big-file":
            big_file(site, int(arguments[0]))
        print(json.dumps(state(site)))


if __name__ == "__main__":
    main(*sys.argv[1:])
