"""The challenge ALTCHA's widget fetches: a fresh one at each request, never cached."""

from . import altcha
from .field import captcha_key
from datetime import datetime
from datetime import UTC
from Products.Five.browser import BrowserView
from zExceptions import NotFound

import json


class ChallengeView(BrowserView):
    def __call__(self):
        key = captcha_key()
        if not key:
            raise NotFound("captcha off")
        response = self.request.response
        response.setHeader("Content-Type", "application/json")
        response.setHeader("Cache-Control", "no-store")
        return json.dumps(altcha.challenge(key, datetime.now(UTC)))
