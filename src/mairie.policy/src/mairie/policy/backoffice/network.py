"""Which address a request comes from, and whether it may reach the back-office.

The country comes from iptocc: the Regional Internet Registries' delegation
files, embedded in the wheel (no network, no file read at run time).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from ipaddress import ip_address
from ipaddress import ip_network
from ipaddress import IPv4Address
from ipaddress import IPv4Network
from ipaddress import IPv6Address
from ipaddress import IPv6Network
from iptocc import country_code


Address = IPv4Address | IPv6Address

LOOPBACK = ("127.0.0.0/8", "::1/128")
# Metropolitan France and the overseas departments and collectivities, which
# the registries list under their own ISO 3166-1 codes.
FRENCH_COUNTRIES = ("FR", "GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF", "WF", "PF", "NC")


@dataclass(frozen=True)
class AccessRules:
    """Where the back-office may be reached from.

    ``operator_networks`` always get in (the agency's own machines);
    ``allowlist``, when not empty, replaces the country rule.
    """

    trusted_proxies: tuple = LOOPBACK
    operator_networks: tuple = LOOPBACK
    countries: tuple = FRENCH_COUNTRIES
    allowlist: tuple = ()

    def allows(self, address: Address | None) -> bool:
        if address is None:
            return False
        if self.is_operator(address):
            return True
        if self.allowlist:
            return _within(address, self.allowlist)
        return country_code(str(address)) in self.countries

    def is_operator(self, address: Address | None) -> bool:
        return address is not None and _within(address, self.operator_networks)

    def trusts(self, address: Address | None) -> bool:
        return address is not None and _within(address, self.trusted_proxies)

    def client_address(self, remote_addr: str | None, forwarded_for: str | None) -> Address | None:
        """The client's address: the peer, or the right-most untrusted hop it forwards.

        A peer that is not a trusted proxy may send any X-Forwarded-For: it is
        ignored. A malformed hop gives None: refused rather than guessed.
        """
        peer = parse_address(remote_addr)
        if not self.trusts(peer):
            return peer
        hops = [hop.strip() for hop in (forwarded_for or "").split(",") if hop.strip()]
        for hop in reversed(hops):
            address = parse_address(hop)
            if not self.trusts(address):
                return address
        return peer


def parse_address(value: str | None) -> Address | None:
    try:
        address = ip_address((value or "").strip())
    except ValueError:
        return None
    if isinstance(address, IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def _within(address: Address, networks: Iterable[str]) -> bool:
    return any(address in _network(network) for network in networks)


@lru_cache(maxsize=1024)
def _network(value: str) -> IPv4Network | IPv6Network:
    return ip_network(value, strict=False)
