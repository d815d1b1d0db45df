"""The newsletter sign-up widget: HTML code pasted from the provider by the agency.

The agency is a trusted operator: its widget is rendered as given, but only
inside a ``<template>`` element, which the browser keeps inert until the
visitor asks for the form (the provider may set cookies). Hence the two
checks: the code is a real widget, and it cannot close that element early.
"""

from lxml import etree
from lxml import html

import re


WIDGET_TAGS = {"form", "iframe", "script"}
_TEMPLATE_TAG = re.compile(r"<\s*/?\s*template\b", re.IGNORECASE)


def is_widget(code: str) -> bool:
    """True if the code holds a form, an iframe or a script, and no template tag."""
    if _TEMPLATE_TAG.search(code):
        return False
    try:
        fragments = html.fragments_fromstring(code)
    except (etree.ParserError, ValueError):
        return False
    return any(
        element.tag in WIDGET_TAGS
        for fragment in fragments
        if isinstance(fragment, html.HtmlElement)
        for element in fragment.iter()
    )
