"""The register of acts (registre des actes): a folder that holds only acts."""

from plone.dexterity.content import Container
from plone.supermodel import model
from zope.interface import implementer


class IActsRegister(model.Schema):
    """Title and description come from the plone.basic behavior."""


@implementer(IActsRegister)
class ActsRegister(Container):
    pass
