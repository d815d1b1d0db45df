"""The two-factor pages in headless Chromium, checked by axe-core (WCAG 2.1 AA)."""

from .accounts import accounts
from .accounts import PASSWORD
from browser import axe_violations
from browser import choose_cookies

import pyotp


def test_enrolment_and_recovery_codes_are_accessible(site, page):
    choose_cookies(page, site.absolute_url())
    page.goto(f"{site.absolute_url()}/login", wait_until="networkidle")
    page.fill("#__ac_name", "maire")
    page.fill("#__ac_password", PASSWORD)
    # Enter submits, as a keyboard user does.
    page.press("#__ac_password", "Enter")
    page.wait_for_selector(".mairie-second-factor")
    assert page.locator("svg").count() >= 1
    assert axe_violations(page, include="#content") == []

    code = pyotp.TOTP(accounts().second_factor("maire").secret).now()
    page.fill("#mairie-2fa-code", code)
    page.press("#mairie-2fa-code", "Enter")
    page.wait_for_selector(".mairie-recovery-codes")
    assert page.locator(".mairie-recovery-codes li").count() == 10
    assert axe_violations(page, include="#content") == []
