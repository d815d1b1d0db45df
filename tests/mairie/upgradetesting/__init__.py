"""A test-only add-on with upgrade steps of each kind, for ``mairie upgrade``'s tests.

It lives in the ``mairie`` namespace so that the command treats it as one of
its own profiles, and only tests load its ZCML (the layer in ``testing.py``, or
a test deployment's ``etc/site.zcml``): a real site cannot select it.

Its code stands at 1002; a test site is set back to 1000 (``install_at_baseline``):
1000 → 1001 re-imports a registry record, 1001 → 1002 migrates data (a
news item's ``legacy_subtitle`` attribute becomes its description) and fails,
after writing, on a site marked ``upgrade_breaks``.
"""

from pathlib import Path


PROFILE = "mairie.upgradetesting:default"
RECORD = "mairie.upgradetesting.greeting"
ZCML = Path(__file__).parent / "configure.zcml"


def install_at_baseline(site) -> None:
    """The add-on as a site made by the previous release has it: version 1000, no record."""
    from plone.registry.interfaces import IRegistry
    from zope.component import getUtility

    setup = site.portal_setup
    setup.runAllImportStepsFromProfile(f"profile-{PROFILE}")
    setup.setLastVersionForProfile(PROFILE, "1000")
    del getUtility(IRegistry, context=site).records[RECORD]
