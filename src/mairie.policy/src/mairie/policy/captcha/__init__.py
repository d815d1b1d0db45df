"""The SVE forms' captcha: ALTCHA, a proof of work solved by the visitor's browser.

Self-hosted (MIT), no third party, no cookie: no consent needed, nothing to
go down but the site itself.
"""
