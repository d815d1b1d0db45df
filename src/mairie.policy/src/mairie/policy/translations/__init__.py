"""French for the words of Plone and its add-ons that their own catalogues lack or get wrong.

Our catalogues of their domains (``plone``, ``plonelocales``, ``widgets``,
``plone.schemaeditor``) are registered ahead of theirs: zope.i18n answers a
message from the first catalogue that has it, so ours win where both have it,
and theirs still answer for everything else.
"""
