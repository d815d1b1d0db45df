"""Latitude and longitude fields that take what editors paste: 47.3901 or 47,3901.

Map sites give coordinates with a dot; z3c.form's float widget reads numbers
in the visitor's locale (a comma in French) and would refuse them.
"""

from mairie.policy import _
from z3c.form.converter import BaseDataConverter
from z3c.form.converter import FormatterValidationError
from z3c.form.interfaces import IWidget
from zope import schema
from zope.component import adapter
from zope.interface import implementer
from zope.schema.interfaces import IFloat


NOT_A_NUMBER = _(
    "error_directory_coordinate_number",
    default="A number of degrees is expected, e.g. 47.3901 or -0.4012.",
)


class ICoordinate(IFloat):
    """A latitude or a longitude, in decimal degrees."""


@implementer(ICoordinate)
class Coordinate(schema.Float):
    pass


@adapter(ICoordinate, IWidget)
class CoordinateConverter(BaseDataConverter):
    def toWidgetValue(self, value):
        return "" if value is None else repr(value)

    def toFieldValue(self, value):
        text = (value or "").strip().replace(" ", "").replace(",", ".")
        if not text:
            return self.field.missing_value
        try:
            return float(text)
        except ValueError:
            raise FormatterValidationError(NOT_A_NUMBER, value) from None
