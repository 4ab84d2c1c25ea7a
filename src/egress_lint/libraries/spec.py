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
CLEARTEXT = "cleartext"  # whether the connection is encrypted at all (database, cache and broker clients)
OPTIONAL_TLS = "optional-tls"  # TLS only when the server offers it: the connection may fall back to cleartext
HOST_KEY = "host-key"  # SSH server authentication (known_hosts, host-key policy)
WARNINGS = "warnings"  # the client's own warning about an unverified connection (elasticsearch ssl_show_warn)

# Predicates naming the values that switch an effect off.
FALSE = "false"  # False or 0 (None keeps the library default)
CERT_NONE = "cert-none"  # ssl.CERT_NONE, "CERT_NONE", "NONE"
UNVERIFIED_CONTEXT = "unverified-context"  # an SSLContext that does not verify certificates
MISSING = "missing"  # the argument is absent and the library default is insecure
WEAK_PROTOCOL = "weak-protocol"  # a protocol constant older than TLS 1.2
WEAK_VERSION = "weak-version"  # a TLSVersion older than TLS 1.2
WEAK_CIPHERS = "weak-ciphers"  # a cipher string that enables NULL, EXPORT, RC4, DES, 3DES or MD5 suites
TRUE = "true"  # True or 1 (tlsAllowInvalidCertificates=True, ssl_disabled=True)
ONE_OF = "one-of"  # one of the switch's ``values``: strings (any case), None, or qualified names
ONE_OF_EXACT = "one-of-exact"  # as ONE_OF, but a string only as written (redis-py refuses "NONE")
GIVEN = "given"  # any value but None (grpc.ssl_target_name_override: naming another host is the weakening)

# Schemes whose traffic is not encrypted (the scheme table in schemes.py adds the database, cache and
# broker schemes: redis, amqp, mqtt, ldap, ...).
from .schemes import CLEARTEXT as _SCHEME_CLEARTEXT  # noqa: E402

CLEARTEXT_SCHEMES = frozenset({"http", "ws", "ftp", "smtp", "imap", "pop3", "telnet"}) | _SCHEME_CLEARTEXT


@dataclass(frozen=True)
class Arg:
    """Where an argument is found: by keyword, or at a positional index (not counting ``self``)."""

    name: str
    pos: Optional[int] = None


@dataclass(frozen=True)
class TlsSwitch:
    """A keyword (or attribute, or method argument) that can switch a protection off.

    ``within`` says the switch is a key of a dict given as that argument (``sslopt={"cert_reqs": ...}``,
    ``connect_args={"sslmode": ...}``); ``option`` names the same switch as an option of the
    connection string or URL query (``?sslmode=disable``, ``tlsInsecure=true``); ``default`` is what
    the library does when the switch is absent (said in the message when MISSING fires); ``values``
    are the settings ONE_OF matches; ``selector`` restricts a method switch to calls whose first
    argument is one of the given names (``setopt(pycurl.SSL_VERIFYPEER, 0)``).
    """

    arg: Arg
    effect: str
    disabled_by: Tuple[str, ...]
    values: Tuple[object, ...] = ()
    within: Optional[Arg] = None
    option: Optional[str] = None
    default: str = ""
    selector: Tuple[str, ...] = ()
    aliases: Tuple[str, ...] = ()  # other keyword / option names of the same switch (pymongo ssl= for tls=)
    removable: bool = True  # the fix may simply drop the keyword (the library default is secure)
    hint: str = ""  # what to use instead, for the finding's hint (a connection's table says it otherwise)
    # A TLS scheme written in the connection's URL turns TLS on whatever this switch says (elasticsearch-py
    # 7.x: an https:// host is TLS even with use_ssl=False); the switch decides only for hosts without one.
    scheme_wins: bool = False
    # The keyword's names (``arg`` and ``aliases``) are also options of the connection string although the
    # switch is read ``within`` a dict argument: SQLAlchemy hands its URL query to the driver as keywords
    # (``?ssl_ca=...`` as ``connect_args={"ssl_ca": ...}``).
    options_by_name: bool = False


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
    # a client constructor whose requests to this scheme go over a local socket: (argument, default scheme)
    local_scheme: Optional[Tuple[Arg, str]] = None
    # a client constructor whose requests never leave the process or the machine when an argument is
    # given one of these objects: (argument, qualified name of the object or "" for any value, keyword
    # of that object that must be given or None) — httpx transport=MockTransport(...), uds=, app=
    local_via: Tuple[Tuple[Arg, str, Optional[str]], ...] = ()
    # Connections to databases, caches, brokers and directories: the protocol names the entry of the
    # scheme table (schemes.py) used when no URL says otherwise; analysis/transport.py reads the
    # connection string (url=), the host, the TLS switches and the credentials below.
    protocol: Optional[str] = None
    default_host: Optional[str] = None  # the host used when none is given (redis-py: localhost)
    password: Tuple[Arg, ...] = ()  # arguments that carry a password or secret
    # Names (a method such as start_tls, a constant such as AUTO_BIND_TLS_BEFORE_BIND) whose use anywhere
    # in the module may upgrade the connection to TLS: when one appears, a cleartext finding is not made.
    upgraded_by: Tuple[str, ...] = ()
    # The call takes its keywords as one dict (confluent-kafka's config): switches, host and passwords
    # are keys of the dict given here.
    options: Optional[Arg] = None
    # What to change, in this library's words, for the hints of its connection findings: how it connects
    # with verified TLS ('sslmode="verify-full" (sslrootcert= for a private CA)'), and where its password
    # belongs instead of the connection string or the code.
    tls_hint: str = ""
    secret_hint: str = ""
    # Calls that log in over a connection made here: (their qualified name, where they take this
    # connection's object, the arguments that carry the password). ldap3's Connection(server, user,
    # password) binds over the Server it is given.
    logins: Tuple[Tuple[str, Arg, Tuple[Arg, ...]], ...] = ()
    # Objects that group connections made here and are given to those login calls instead of one
    # connection: (their constructor, the argument that lists the connections). A list literal given in
    # place of the connection counts the same (ldap3's Connection([server1, server2], ...)).
    login_groups: Tuple[Tuple[str, Arg], ...] = ()
    # Keywords that carry credentials on calls made through an object built from this connection (a gRPC
    # stub made from the channel: stub.Method(request, metadata=[("authorization", ...)], credentials=...)).
    relayed: Tuple[Arg, ...] = ()
    # What the far end holds when the scheme table cannot say (an Elasticsearch client speaks https):
    # "search index", ... (see schemes.py ``holds``).
    holds: str = ""


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
    auth_methods: Tuple[str, ...] = ()  # configuring calls that give the connection credentials (username_pw_set)
    # Where the client connects, set as an attribute or a constructor keyword (``configuration.host =
    # "http://..."``): ``endpoint.url`` names the attribute, and the Api gives protocol, hints and library.
    endpoint: Optional[Api] = None
    auth_attributes: Tuple[str, ...] = ()  # attributes that give the connection credentials (api_key, password)
    # The same set by a configuring call that names an option (pycurl ``setopt(pycurl.URL, "http://...")``):
    # the method, and the qualified names of the options that give the endpoint (read at ``endpoint.url``)
    # and the credentials (``setopt(pycurl.USERPWD, ...)``).
    endpoint_method: str = ""
    endpoint_options: Tuple[str, ...] = ()
    auth_options: Tuple[str, ...] = ()
    # Configuring calls ("attribute.method" or "method") that set a protection the library leaves off by
    # default: once the code makes one on the client, the default is not judged (a weak setting there is
    # judged by itself, e.g. set_missing_host_key_policy(AutoAddPolicy()) by EGR106's paramiko check).
    restored_by: Tuple[str, ...] = ()


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
    # When set, the pre-check counts an import of these modules only in a text that also holds one of
    # these words (a library whose own source imports itself everywhere: sqlalchemy, tornado, botocore).
    precheck_words: Tuple[str, ...] = ()
    # Process-wide TLS settings made by a module function (ldap.set_option(OPT_X_TLS_REQUIRE_CERT, ...)).
    config_functions: Tuple[Tuple[str, Tuple[TlsSwitch, ...]], ...] = ()
    # Settings read by a framework instead of passed to a call (Django DATABASES, Celery broker_url).
    settings: Tuple["SettingsSpec", ...] = ()
    # Objects whose attribute holds the same settings: (constructor, attribute), ("celery.Celery", "conf").
    settings_objects: Tuple[Tuple[str, str], ...] = ()
    # Where a top-level name of ``modules`` is mostly something else (``urllib.parse``, ``http.server``):
    # the modules under it that hold this library. A file that imports only the top's other modules
    # is not analysed for it. A top none of these is under is the library's whole.
    submodules: Tuple[str, ...] = ()


@dataclass(frozen=True)
class SettingsSpec:
    """A module-level setting that configures connections: ``NAME = {...}`` or ``NAME = "redis://..."``.

    ``shape`` is "url" (the value is a connection URL), "tls-dict" (a dict of TLS switches for the
    connections named by ``url_names``) or "databases" (Django's dict of database dicts).
    """

    names: Tuple[str, ...]
    library: str
    shape: str
    tls: Tuple[TlsSwitch, ...] = ()
    url_names: Tuple[str, ...] = ()
    tls_hint: str = ""  # as Api.tls_hint
    app_arg: str = ""  # the argument of the app's constructor that gives the URL when no setting does (broker=)


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
