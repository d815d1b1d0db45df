"""A member in plone.restapi: its e-mail address only when the member chose to show it."""

from .content import ICouncilMember
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.serializer.dxcontent import SerializeToJson
from zope.component import adapter
from zope.interface import implementer
from zope.interface import Interface


@implementer(ISerializeToJson)
@adapter(ICouncilMember, Interface)
class SerializeCouncilMemberToJson(SerializeToJson):
    """The email field is for editors (read permission); a shown address is added back."""

    def __call__(self, version=None, include_items=True):
        result = super().__call__(version=version, include_items=include_items)
        if self.context.show_email and self.context.email:
            result["email"] = self.context.email
        return result
