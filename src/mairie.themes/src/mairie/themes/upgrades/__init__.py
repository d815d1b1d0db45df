"""Upgrade steps of mairie.themes's profile, one ``<N>.zcml`` per version.

The convention is written once, in mairie.policy.upgrades.
"""
