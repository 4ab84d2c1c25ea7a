"""The vocabulary of the library tables.

Library knowledge is data: each module in this package describes one library with these types, and
the analysis layer reads them. Rules never mention a library API directly; they ask the analysis for
egress points and read the *effects* named here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, Optional, Tuple

# Effects a keyword or attribute can have on the security of a connection.
VERIFY = "verify"  # certificate verification of an HTTP client (False turns it off)
CONTEXT = "context"  # an ssl.SSLContext handed to the connection
CONTEXT_VERIFY_MODE = "context-verify-mode"  # ssl-level cert_reqs / verify_mode
HOSTNAME = "hostname"  # hostname checking

# Predicates naming the values that switch an effect off.
FALSE = "false"  # False or 0 (None keeps the library default)
CERT_NONE = "cert-none"  # ssl.CERT_NONE, "CERT_NONE", "NONE"
UNVERIFIED_CONTEXT = "unverified-context"  # an SSLContext that does not verify certificates
MISSING = "missing"  # the argument is absent and the library default is insecure


@dataclass(frozen=True)
class Arg:
    """Where an argument is found: by keyword, or at a positional index (not counting ``self``)."""

    name: str
    pos: Optional[int] = None


@dataclass(frozen=True)
class TlsSwitch:
    arg: Arg
    effect: str
    disabled_by: Tuple[str, ...]


@dataclass(frozen=True)
class Api:
    """A callable that sends a request, opens a connection or builds a client."""

    name: str  # how messages name it, e.g. "requests.get" or "requests.Session.get"
    library: str
    url: Optional[Arg] = None
    method: Optional[str] = None  # fixed HTTP method (GET for requests.get)
    method_arg: Optional[Arg] = None  # where the method is passed (requests.request)
    tls: Tuple[TlsSwitch, ...] = ()
    makes: Optional[str] = None  # the ClientType a constructor makes
    scheme: Optional[str] = None  # fixed scheme of a connection class ("https" for HTTPSConnection)
    server_flag: Optional[Arg] = None  # when this argument is true the call is the server side


@dataclass(frozen=True)
class ClientType:
    """An object that is configured once and then used for many calls."""

    name: str  # e.g. "requests.Session"
    library: str
    methods: Dict[str, Api] = field(default_factory=dict)  # method name -> what it does
    attributes: Tuple[Tuple[str, TlsSwitch], ...] = ()  # attribute assignments with an effect
    returns_self_from_with: bool = True


@dataclass(frozen=True)
class Library:
    name: str
    modules: Tuple[str, ...]  # top-level import names; the text pre-check looks for these
    functions: Tuple[Tuple[str, Api], ...] = ()  # canonical qualified name -> Api
    constructors: Tuple[Tuple[str, Api], ...] = ()  # canonical qualified name -> Api (with makes=)
    client_types: Tuple[ClientType, ...] = ()
    aliases: Tuple[Tuple[str, str], ...] = ()  # qualified-name prefix -> canonical prefix


def http_methods(prefix: str, library: str, url: Arg, tls: Tuple[TlsSwitch, ...],
                 names: Tuple[str, ...] = ("get", "options", "head", "post", "put", "patch", "delete"),
                 request: Optional[Tuple[Arg, Arg]] = None) -> Dict[str, Api]:
    """The usual verb-named methods of an HTTP client API, plus a generic ``request``."""
    apis = {name: Api(f"{prefix}.{name}", library, url=url, method=name.upper(), tls=tls) for name in names}
    if request is not None:
        method_arg, url_arg = request
        apis["request"] = Api(f"{prefix}.request", library, url=url_arg, method_arg=method_arg, tls=tls)
    return apis
