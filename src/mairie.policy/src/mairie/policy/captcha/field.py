"""The captcha as an EasyForm field type: add a "Captcha" field to a form to protect it.

Registered like EasyForm's own fields (a FieldFactory and a supermodel handler
named after the class), as the SVE's honeypot is. It checks the answer of
ALTCHA's widget with the commune's key, and accepts each solution once on
every instance (mairie.policy.counters); without a key the captcha is off: the
widget shows nothing and every answer passes (the honeypot and the rate limit
still protect the form).
"""

from . import altcha
from datetime import datetime
from datetime import UTC
from mairie.policy import _
from mairie.policy import counters
from mairie.policy.interfaces import CountersUnavailable
from plone import api
from plone.registry.interfaces import IRegistry
from plone.schemaeditor.fields import FieldFactory
from plone.supermodel.exportimport import BaseHandler
from z3c.form.browser.text import TextWidget
from z3c.form.interfaces import HIDDEN_MODE
from z3c.form.interfaces import IFieldWidget
from z3c.form.interfaces import IFormLayer
from z3c.form.interfaces import ITextWidget
from z3c.form.widget import FieldWidget
from zope.component import adapter
from zope.component import queryUtility
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.interface import implementer
from zope.schema import TextLine
from zope.schema import ValidationError
from zope.schema.interfaces import ITextLine

import json


CHALLENGE_VIEW = "@@altcha-challenge"
VERIFIED = "mairie.captcha.verified"
REPLAY_SCOPE = "altcha"


def captcha_key() -> str:
    registry = queryUtility(IRegistry)
    return (registry.get("mairie.commune.captcha_key", "") if registry is not None else "") or ""


class ICaptcha(ITextLine):
    """A proof of work the visitor's browser solves before sending the form."""


class ICaptchaWidget(ITextWidget):
    pass


class CaptchaFailed(ValidationError):
    __doc__ = _(
        "error_captcha",
        default="The anti-robot check is missing or has expired: tick the box "
        "“I am not a robot” again, wait for it to be verified, then send the form.",
    )


class CaptchaUnavailable(ValidationError):
    __doc__ = counters.UNAVAILABLE


@implementer(ICaptcha)
class Captcha(TextLine):
    @property
    def required(self):
        """Required when the commune has a key (so that no path, REST included, skips it)."""
        return bool(captcha_key())

    @required.setter
    def required(self, value):
        """The commune's key decides, not the form's model."""

    def validate(self, value):
        # Not TextLine's validation: a missing answer gets the captcha's own message.
        key = captcha_key()
        if not key:
            return
        # z3c.form and EasyForm may validate a field more than once per
        # submission, and a solution is accepted only once: remember it.
        request = getRequest()
        if request is not None and value and request.other.get(VERIFIED) == value:
            return
        now = datetime.now(UTC)
        solution = altcha.verify(key, value or "", now)
        if solution is None:
            raise CaptchaFailed()
        # Once only, on every instance: a used solution is remembered in the
        # database until it expires (and forgotten if this request fails).
        try:
            first = counters.hit(
                api.portal.get(),
                REPLAY_SCOPE,
                solution.signature,
                1,
                solution.expires - now.timestamp(),
            )
        except CountersUnavailable:
            raise CaptchaUnavailable() from None
        if not first:
            raise CaptchaFailed()
        if request is not None:
            request.other[VERIFIED] = value


@implementer(ICaptchaWidget)
class CaptchaWidget(TextWidget):
    def update(self):
        super().update()
        if not captcha_key():
            # No check without the commune's key: nor a label naming nothing.
            self.mode = HIDDEN_MODE
            return
        portal = api.portal.get()
        self.challenge_url = f"{portal.absolute_url()}/{CHALLENGE_VIEW}"
        self.static = f"{portal.absolute_url()}/++resource++mairie.captcha/altcha"
        self.strings = json.dumps(
            {key: translate(message, context=self.request) for key, message in STRINGS.items()},
            ensure_ascii=False,
        )


# The widget's own texts, in our domain so that they are translated with the site.
STRINGS = {
    "label": _("captcha_label", default="I am not a robot"),
    "verify": _("captcha_verify", default="Verify"),
    "verifying": _("captcha_verifying", default="Verifying…"),
    "verified": _("captcha_verified", default="Verified"),
    "waitAlert": _("captcha_wait", default="Verifying… please wait."),
    "verificationRequired": _("captcha_required", default="Please tick “I am not a robot”."),
    "error": _("captcha_error", default="The verification failed. Try again."),
    "expired": _("captcha_expired", default="The verification has expired. Try again."),
    "loading": _("captcha_loading", default="Loading…"),
    "reload": _("captcha_reload", default="Reload"),
    "ariaLinkLabel": _("captcha_about", default="About ALTCHA (new window)"),
}


@adapter(ICaptcha, IFormLayer)
@implementer(IFieldWidget)
def CaptchaFieldWidget(field, request):
    return FieldWidget(field, CaptchaWidget(request))


def captcha_names(schema) -> set[str]:
    """The captcha fields of a form's schema: not an answer to store or show."""
    return {name for name in schema if ICaptcha.providedBy(schema[name])}


CaptchaFactory = FieldFactory(Captcha, _("label_captcha_field", default="Captcha (ALTCHA)"))
CaptchaHandler = BaseHandler(Captcha)
