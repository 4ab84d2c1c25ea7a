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

PROTOCOL = "protocol"  # the TLS protocol version or cipher suites allowed

# Predicates naming the values that switch an effect off.
FALSE = "false"  # False or 0 (None keeps the library default)
CERT_NONE = "cert-none"  # ssl.CERT_NONE, "CERT_NONE", "NONE"
UNVERIFIED_CONTEXT = "unverified-context"  # an SSLContext that does not verify certificates
MISSING = "missing"  # the argument is absent and the library default is insecure
WEAK_PROTOCOL = "weak-protocol"  # a protocol constant older than TLS 1.2
WEAK_VERSION = "weak-version"  # a TLSVersion older than TLS 1.2
WEAK_CIPHERS = "weak-ciphers"  # a cipher string that enables NULL, EXPORT, RC4, DES, 3DES or MD5 suites

# Schemes whose traffic is not encrypted.
CLEARTEXT_SCHEMES = frozenset({"http", "ws", "ftp", "smtp", "imap", "pop3", "telnet"})


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
class Payload:
    """Where a call (or a client, for its defaults) takes what it sends besides the URL."""

    body: Tuple[Arg, ...] = ()
    query: Optional[Arg] = None
    headers: Optional[Arg] = None
    auth: Optional[Arg] = None
    cookies: Optional[Arg] = None
    cert: Optional[Arg] = None


@dataclass(frozen=True)
class Api:
    """A callable that sends a request, opens a connection or builds a client."""

    name: str  # how messages name it, e.g. "requests.get" or "requests.Session.get"
    library: str
    url: Optional[Arg] = None  # a full URL (or a path relative to the client's base URL)
    host: Optional[Arg] = None  # a bare host name, for connection classes; the scheme is fixed
    base_url: Optional[Arg] = None  # a client's base URL, inherited by relative request URLs
    payload: Optional[Payload] = None
    method: Optional[str] = None  # fixed HTTP method (GET for requests.get)
    method_arg: Optional[Arg] = None  # where the method is passed (requests.request)
    tls: Tuple[TlsSwitch, ...] = ()
    makes: Optional[str] = None  # the ClientType a constructor makes
    scheme: Optional[str] = None  # fixed scheme of a connection class ("https" for HTTPSConnection)
    connection: bool = False  # a connection class (EGR203's domain) rather than an HTTP request API
    server_flag: Optional[Arg] = None  # when this argument is true the call is the server side
    pinned_by: Tuple[Arg, ...] = ()  # certificate pinning: when given, the peer is verified by fingerprint


@dataclass(frozen=True)
class ClientType:
    """An object that is configured once and then used for many calls."""

    name: str  # e.g. "requests.Session"
    library: str
    methods: Dict[str, Api] = field(default_factory=dict)  # method name -> what it does
    attributes: Tuple[Tuple[str, TlsSwitch], ...] = ()  # attribute assignments with an effect
    method_switches: Tuple[Tuple[str, TlsSwitch], ...] = ()  # configuring calls with an effect (set_ciphers)
    attribute_payload: Optional[Payload] = None  # attributes that set defaults for every request (s.auth)
    upgraded_by: Tuple[str, ...] = ()  # methods that switch a cleartext connection to TLS (starttls)
    authenticates: Optional[str] = None  # a client that always authenticates (an OAuth session): how
    returns_self_from_with: bool = True


@dataclass(frozen=True)
class Library:
    name: str
    modules: Tuple[str, ...]  # top-level import names; the text pre-check looks for these
    functions: Tuple[Tuple[str, Api], ...] = ()  # canonical qualified name -> Api
    constructors: Tuple[Tuple[str, Api], ...] = ()  # canonical qualified name -> Api (with makes=)
    client_types: Tuple[ClientType, ...] = ()
    aliases: Tuple[Tuple[str, str], ...] = ()  # qualified-name prefix -> canonical prefix
    request_objects: Tuple[Tuple[str, Api], ...] = ()  # objects built first and sent later (Request)
    auth_classes: Tuple[Tuple[str, str], ...] = ()  # auth= objects -> mechanism ("basic", "digest", ...)


def http_methods(prefix: str, library: str, url: Arg, tls: Tuple[TlsSwitch, ...],
                 names: Tuple[str, ...] = ("get", "options", "head", "post", "put", "patch", "delete"),
                 request: Optional[Tuple[Arg, Arg]] = None, payload: Optional[Payload] = None) -> Dict[str, Api]:
    """The usual verb-named methods of an HTTP client API, plus a generic ``request``."""
    apis = {name: Api(f"{prefix}.{name}", library, url=url, method=name.upper(), tls=tls, payload=payload)
            for name in names}
    if request is not None:
        method_arg, url_arg = request
        apis["request"] = Api(f"{prefix}.request", library, url=url_arg, method_arg=method_arg, tls=tls,
                              payload=payload)
    return apis


# The keyword names requests and httpx share.
REQUESTS_STYLE = Payload(body=(Arg("data"), Arg("json"), Arg("files"), Arg("content")), query=Arg("params"),
                         headers=Arg("headers"), auth=Arg("auth"), cookies=Arg("cookies"), cert=Arg("cert"))
