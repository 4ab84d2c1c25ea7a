"""Which hosts cannot reach an external system: one policy, exact-host matching, never a prefix.

A prefix check would let ``http://localhost.evil.com`` through; here a host is exempt only when it
equals an exempt name, ends with an exempt ``.suffix`` label boundary, or is an IP literal inside an
exempt network.
"""
from __future__ import annotations

import ipaddress
import re
from functools import lru_cache
from typing import Sequence, Tuple

# Names that cannot reach an external system: loopback, the link-local cloud metadata endpoints and
# the special-use TLDs of RFC 2606 / RFC 6761.
DEFAULT_EXEMPT = (
    "localhost", "*.localhost", "127.0.0.0/8", "::1/128", "0.0.0.0/32", "169.254.169.254/32",
    "metadata.google.internal", "*.test", "*.invalid", "*.example",
)

_HOST_NAME = re.compile(r"^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*$")


def normalise(host: str) -> str:
    host = host.strip().lower().rstrip(".")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    return host


def check_entry(entry: str) -> str:
    """Validate one allow-list entry (host, ``*.suffix`` or CIDR); return it normalised, or raise
    ValueError saying what is wrong."""
    text = entry.strip().lower()
    if not text:
        raise ValueError("an empty entry")
    if "/" in text:
        try:
            ipaddress.ip_network(text, strict=False)
        except ValueError:
            raise ValueError(f"{entry!r} is not a valid CIDR range") from None
        return text
    body = text[2:] if text.startswith("*.") else text
    if "*" in body:
        raise ValueError(f"{entry!r}: a wildcard is only allowed as a leading '*.' (e.g. '*.corp.example.com')")
    try:
        ipaddress.ip_address(normalise(body))
        return text
    except ValueError:
        pass
    if not _HOST_NAME.match(normalise(body)):
        raise ValueError(f"{entry!r} is not a host name, '*.suffix' or CIDR range")
    return text


class HostPolicy:
    def __init__(self, allowed: Sequence[str] = ()) -> None:
        exact, suffixes, networks = set(), [], []
        for entry in (*DEFAULT_EXEMPT, *allowed):
            entry = entry.strip().lower()
            if "/" in entry:
                networks.append(ipaddress.ip_network(entry, strict=False))
            elif entry.startswith("*."):
                suffixes.append(entry[1:])
            else:
                exact.add(normalise(entry))
        self._exact = frozenset(exact)
        self._suffixes: Tuple[str, ...] = tuple(suffixes)
        self._networks = tuple(networks)

    def exempt(self, host: str) -> bool:
        name = normalise(host)
        if not name:
            return False
        if name in self._exact or name.endswith(self._suffixes):
            return True
        try:
            address = ipaddress.ip_address(name)
        except ValueError:
            return False
        mapped = getattr(address, "ipv4_mapped", None)
        return any(address in network or (mapped is not None and mapped in network) for network in self._networks
                   if network.version == address.version or mapped is not None)


@lru_cache(maxsize=32)
def policy_for(allowed: Tuple[str, ...]) -> HostPolicy:
    return HostPolicy(allowed)
