"""Upgrade steps of mairie.policy's profile, one file per version.

Every change to ``profiles/default`` or to stored data bumps ``<version>`` in
``profiles/default/metadata.xml`` (1000 is release 1.0) and comes with:

- ``upgrades/<N>.zcml``, included from ``upgrades/configure.zcml``, registering
  ``genericsetup:upgradeSteps`` for ``mairie.policy:default`` from ``N-1`` to ``N``,
  each step with a title that says what it does to a commune;
- for a pure re-import, ``upgrades/profiles/<N>/`` holding only the changed files,
  registered as the profile ``mairie.policy.upgrades:<N>`` (``for=``
  ``plone.base.interfaces.siteroot.IMigratingPloneSiteRoot``) and imported by a
  ``genericsetup:upgradeDepends``;
- where data must be converted, a handler ``upgrades/v<N>.py``, idempotent,
  tested with content made by the previous release;
- an entry in CHANGES.md at the repository's root.

``mairie upgrade`` runs the pending steps of every commune. The upgrades
"product" is hidden from the add-ons panel (setuphandlers.HiddenProfiles).
collective.easyform's ``upgrades/`` is the model.
"""
