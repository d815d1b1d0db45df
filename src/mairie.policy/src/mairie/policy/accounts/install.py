"""Put the accounts plugin in the site's user folder, and take it out."""

from .plugin import AccountsPlugin
from .plugin import PLUGIN_ID
from plone import api
from Products.PluggableAuthService.interfaces.plugins import IAuthenticationPlugin
from Products.PluggableAuthService.interfaces.plugins import IValidationPlugin


# Plone's own policy only asks for 8 characters: ours says more, and better.
PLONE_POLICY = "password_policy"


def install(context=None) -> None:
    """Idempotent: add the plugin, first of the authenticators, instead of Plone's policy."""
    pas = api.portal.get_tool("acl_users")
    if PLUGIN_ID not in pas.objectIds():
        pas._setObject(PLUGIN_ID, AccountsPlugin(PLUGIN_ID, "mairie : comptes"))
    plugins = pas.plugins
    for interface in (IAuthenticationPlugin, IValidationPlugin):
        if PLUGIN_ID not in plugins.listPluginIds(interface):
            plugins.activatePlugin(interface, PLUGIN_ID)
    while plugins.listPluginIds(IAuthenticationPlugin)[0] != PLUGIN_ID:
        plugins.movePluginsUp(IAuthenticationPlugin, [PLUGIN_ID])
    if PLONE_POLICY in plugins.listPluginIds(IValidationPlugin):
        plugins.deactivatePlugin(IValidationPlugin, PLONE_POLICY)


def uninstall() -> None:
    pas = api.portal.get_tool("acl_users")
    if PLUGIN_ID in pas.objectIds():
        pas.manage_delObjects([PLUGIN_ID])
    if PLONE_POLICY in pas.objectIds() and PLONE_POLICY not in pas.plugins.listPluginIds(
        IValidationPlugin
    ):
        pas.plugins.activatePlugin(IValidationPlugin, PLONE_POLICY)


def store():
    """The site's accounts plugin: storage of dates, second factors and failures."""
    return api.portal.get_tool("acl_users")[PLUGIN_ID]
