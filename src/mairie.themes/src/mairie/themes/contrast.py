"""WCAG 2.1 contrast between two colours, and the palette rule every template relies on.

Every palette colour is a background under white text (header, buttons, footer)
and a text colour on white (links, headings), so each one must reach the AA
ratio for normal text against white. The control panel and the commune
profile both apply this rule, with the same message.
"""

from mairie.themes import _
from zope.i18nmessageid import Message

import math


AA_NORMAL_TEXT = 4.5
WHITE = "#ffffff"
# ${ratio} and ${minimum} as french_ratio() writes them.
CONTRAST_MESSAGE = _(
    "error_contrast",
    default="Insufficient contrast: ${ratio}, at least ${minimum} is needed",
)


def channels(colour: str) -> tuple[int, int, int]:
    """Red, green and blue (0-255) of a ``#rgb`` or ``#rrggbb`` colour."""
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    return tuple(int(digits[i : i + 2], 16) for i in (0, 2, 4))


def relative_luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of a ``#rgb`` or ``#rrggbb`` colour."""
    values = (channel / 255 for channel in channels(colour))
    red, green, blue = (
        value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4 for value in values
    )
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2.1 contrast ratio, from 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def french_ratio(ratio: float) -> str:
    """« 2,9:1 », rounded down so that a refused ratio never reads as the minimum."""
    return f"{math.floor(ratio * 10) / 10:.1f}".replace(".", ",") + ":1"


def contrast_failure(colour: str, text: str = WHITE) -> dict | None:
    """The message's mapping if ``colour`` under ``text`` fails AA, else None."""
    ratio = contrast_ratio(colour, text)
    if ratio >= AA_NORMAL_TEXT:
        return None
    return {"ratio": french_ratio(ratio), "minimum": french_ratio(AA_NORMAL_TEXT)}


def contrast_error(colour: str, text: str = WHITE) -> Message | None:
    """The French message refusing ``colour`` under ``text``, or None if it passes AA."""
    mapping = contrast_failure(colour, text)
    return None if mapping is None else Message(CONTRAST_MESSAGE, mapping=mapping)
