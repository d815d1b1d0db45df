"""The client address and the country rule, without a site."""

from ipaddress import ip_address
from mairie.policy.backoffice.network import AccessRules

import pytest


FRENCH_V4, FRENCH_V6 = "90.0.0.1", "2a01:cb00::1"
FOREIGN_V4, FOREIGN_V6 = "8.8.8.8", "2001:4860::1"
REUNION = "102.35.0.1"


@pytest.mark.parametrize(
    "address,allowed",
    [
        (FRENCH_V4, True),
        (FRENCH_V6, True),
        (REUNION, True),
        (FOREIGN_V4, False),
        (FOREIGN_V6, False),
        ("127.0.0.1", True),
        ("::1", True),
        ("10.1.2.3", False),
        ("fd00::1", False),
    ],
)
def test_default_rules(address, allowed):
    assert AccessRules().allows(ip_address(address)) is allowed


def test_no_address_is_refused():
    assert AccessRules().allows(None) is False


def test_allowlist_replaces_the_country_rule():
    rules = AccessRules(allowlist=("203.0.113.0/24", "2001:db8:49::/48"))
    assert rules.allows(ip_address("203.0.113.7"))
    assert rules.allows(ip_address("2001:db8:49::5"))
    assert not rules.allows(ip_address(FRENCH_V4))
    assert rules.allows(ip_address("127.0.0.1"))  # the operator still gets in


def test_operator_networks_are_a_setting():
    rules = AccessRules(operator_networks=("10.0.0.0/8",))
    assert rules.allows(ip_address("10.9.8.7"))
    assert not rules.allows(ip_address("127.0.0.1"))


def test_peer_that_is_not_a_proxy_is_the_client():
    rules = AccessRules(trusted_proxies=("192.0.2.1/32",))
    assert rules.client_address(FOREIGN_V4, FRENCH_V4) == ip_address(FOREIGN_V4)


def test_trusted_proxy_gives_the_rightmost_untrusted_hop():
    rules = AccessRules(trusted_proxies=("192.0.2.0/24",))
    forwarded = f"{FRENCH_V4}, {FOREIGN_V4}, 192.0.2.9"
    assert rules.client_address("192.0.2.1", forwarded) == ip_address(FOREIGN_V4)


def test_trusted_proxy_without_header_is_the_client():
    rules = AccessRules(trusted_proxies=("192.0.2.0/24",))
    assert rules.client_address("192.0.2.1", None) == ip_address("192.0.2.1")


def test_malformed_hop_is_refused_not_skipped():
    rules = AccessRules()
    assert rules.client_address("127.0.0.1", f"{FRENCH_V4}, not-an-ip") is None


def test_ipv4_mapped_ipv6_is_read_as_ipv4():
    assert AccessRules().client_address(f"::ffff:{FRENCH_V4}", None) == ip_address(FRENCH_V4)


def test_ipv6_proxy_chain():
    rules = AccessRules(trusted_proxies=("2001:db8::/32",))
    assert rules.client_address("2001:db8::1", f"{FRENCH_V6}") == ip_address(FRENCH_V6)
