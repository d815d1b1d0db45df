"""The ready-made forms with the commune's captcha key: checked, and never kept as an answer."""

from .forms import fr
from .forms import submit
from mairie.policy import _
from mairie.policy.captcha.field import CaptchaFailed
from mairie.policy.sve.records import all_requests
from plone import api
from policy.captcha.solver import solve

import requests
import transaction


def test_the_captcha_is_checked_and_not_kept(site, smtp):
    api.portal.set_registry_record("mairie.commune.captcha_key", "clé-de-la-commune-de-test")
    transaction.commit()
    form = site["demarches"]["nous-contacter"]
    refused = submit(form.absolute_url(), captcha="pas-une-preuve")
    assert fr(CaptchaFailed.__doc__) in refused
    challenge = requests.get(f"{site.absolute_url()}/@@altcha-challenge", timeout=30).json()
    proof = solve(challenge)
    page = submit(form.absolute_url(), captcha=proof)
    transaction.begin()
    [record] = all_requests(form)
    assert record.number in page
    assert "captcha" not in record.data
    assert proof not in page
    assert fr(_("captcha_verified", default="Verified")) in page
    assert all(proof not in mail.body for mail in smtp.messages)
