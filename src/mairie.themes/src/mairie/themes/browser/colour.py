"""A colour field of « Apparence de la commune »: hex code, native picker, swatch, contrast.

The hex text field stays what the form sends and what the server checks
(interfaces.readable_colour). Around it, the browser's own colour picker, a swatch
with the text it will carry and the WCAG ratio, drawn here for a page without
JavaScript and kept live by ``static/appearance.js``.
"""

from mairie.themes import _
from mairie.themes.appearance import TEXT_COLOUR
from mairie.themes.contrast import AA_NORMAL_TEXT
from mairie.themes.contrast import contrast_ratio
from mairie.themes.contrast import french_ratio
from mairie.themes.interfaces import HEX_COLOUR
from mairie.themes.interfaces import IColourWidget
from z3c.form.browser.text import TextWidget
from z3c.form.widget import FieldWidget
from zope.i18n import translate
from zope.i18nmessageid import Message
from zope.interface import implementer


# ${ratio} stays in the translated text: appearance.js writes the live ratio there.
RATIO_OK = _(
    "colour_contrast_ok",
    default="Contrast with white text: ${ratio} (at least ${minimum}): readable.",
)
RATIO_LOW = _(
    "colour_contrast_low",
    default="Insufficient contrast with white text: ${ratio}, at least ${minimum} is "
    "needed. Choose a darker colour: this one would be refused.",
)
NOT_A_COLOUR = _(
    "colour_not_a_colour",
    default="Write the colour as #rrggbb, e.g. #1f4e79, or choose it with the button.",
)
PICKER_LABEL = _("colour_picker_label", default="Choose the colour: ${field}")


def _six_digits(colour: str) -> str:
    """« #1f4e79 » for ``<input type="color">``, which takes no other form."""
    digits = colour.lstrip("#").lower()
    return "#" + ("".join(digit * 2 for digit in digits) if len(digits) == 3 else digits)


@implementer(IColourWidget)
class ColourWidget(TextWidget):
    klass = "text-widget mairie-colour-code"
    text_colour = TEXT_COLOUR

    def _translated(self, message, ratio="${ratio}"):
        mapping = {"ratio": ratio, "minimum": french_ratio(AA_NORMAL_TEXT)}
        return translate(Message(message, mapping=mapping), context=self.request)

    @property
    def valid(self) -> bool:
        return bool(HEX_COLOUR.fullmatch(self.value or ""))

    def messages(self) -> dict:
        """The texts appearance.js picks from, ${ratio} left for it to fill."""
        return {
            "data-message-ok": self._translated(RATIO_OK),
            "data-message-low": self._translated(RATIO_LOW),
            "data-message-format": translate(NOT_A_COLOUR, context=self.request),
            "data-text": self.text_colour,
            "data-minimum": str(AA_NORMAL_TEXT),
        }

    def picker_value(self) -> str:
        return _six_digits(self.value) if self.valid else "#000000"

    def swatch_style(self) -> str | None:
        if not self.valid:
            return None
        return f"background-color: {self.value}; color: {self.text_colour}"

    def picker_label(self) -> str:
        title = translate(self.field.title, context=self.request)
        return translate(Message(PICKER_LABEL, mapping={"field": title}), context=self.request)

    def ratio(self) -> dict:
        """The contrast as the page first shows it: its text and whether it fails."""
        if not self.valid:
            return {"text": translate(NOT_A_COLOUR, context=self.request), "low": True}
        ratio = contrast_ratio(self.value, self.text_colour)
        low = ratio < AA_NORMAL_TEXT
        return {
            "text": self._translated(RATIO_LOW if low else RATIO_OK, french_ratio(ratio)),
            "low": low,
        }


def ColourFieldWidget(field, request):
    return FieldWidget(field, ColourWidget(request))
