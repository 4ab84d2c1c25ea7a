"""Is a database, cache, broker, directory or RPC connection encrypted, and does it carry credentials?

A connection is an egress point whose API names a ``protocol`` (psycopg2.connect, redis.Redis,
pymongo.MongoClient, ...) or a framework setting (Django ``DATABASES``, Celery ``broker_url``). Its
transport is read, in this order, from:

1. the scheme of its URL (the scheme table in libraries/schemes.py): ``redis://`` is cleartext,
   ``rediss://`` TLS, ``neo4j+ssc://`` TLS without verification, ``postgresql://`` negotiated;
2. its TLS switches with the CLEARTEXT and OPTIONAL_TLS effects, given as keywords, as keys of a dict
   argument (``connect_args={...}``, Django ``OPTIONS``) or as options of the connection string
   (``?sslmode=disable``, ``host=db sslmode=prefer``), with the library default when absent.

Host policy (used by the rules, not here): the exact-host policy of analysis/hosts.py, plus
single-label host names (``db``, ``redis``, ``rabbitmq``: docker-compose and Kubernetes service
names, which resolve only inside a private network) count as internal for these connections.
"""
from __future__ import annotations

import ast
import ipaddress
from typing import Dict, Iterator, List, Optional, Tuple

from dataclasses import replace

from ..libraries import SETTINGS, api_for_engine
from ..libraries.frameworks import URL_DISPATCH, within_connect_args
from ..libraries import schemes as scheme_table
from ..libraries.spec import CLEARTEXT, MISSING, OPTIONAL_TLS, Api, Arg, SettingsSpec, TlsSwitch
from .dsn import Dsn, parse_dsn
from .units import Units
from .urls import Url, parse_host
from .values import HOLE, UNKNOWN, Const, DictVal, Items, OneOf, Ref, Text, Unknown, Value, choose, shape_of

_TRUE_WORDS = ("true", "yes", "on", "1")
_FALSE_WORDS = ("false", "no", "off", "0")

CLEARTEXT_STATE = "cleartext"
OPTIONAL_STATE = "optional"
TLS_STATE = "tls"
LOCAL_STATE = "local"
UNKNOWN_STATE = "unknown"


class Source:
    """Where a connection's arguments are read from: a call site, or a settings dict."""

    def value(self, arg: Arg) -> Optional[Value]:
        raise NotImplementedError

    def given(self, arg: Arg) -> bool:
        """Whether the argument is written out (not possibly given through ``**kwargs``)."""
        return False


class CallSource(Source):
    __slots__ = ("site",)

    def __init__(self, site) -> None:
        self.site = site

    def value(self, arg: Arg) -> Optional[Value]:
        return self.site.value(arg)

    def given(self, arg: Arg) -> bool:
        return self.site.argument(arg) is not None


class DictSource(Source):
    """The keys of a dict play the keywords (Django ``OPTIONS``, Celery ``broker_use_ssl``)."""

    __slots__ = ("model", "value_of", "at")

    def __init__(self, model, value_of: Optional[Value], at: ast.AST) -> None:
        self.model = model
        self.value_of = value_of
        self.at = at

    def value(self, arg: Arg) -> Optional[Value]:
        return dict_key(self.model, self.value_of, arg.name, self.at)

    def given(self, arg: Arg) -> bool:
        """A key of the dict (``{"sasl.password": os.environ[...]}``)."""
        return isinstance(self.value_of, DictVal) and \
            arg.name in self.model.resolver.dict_entries(self.value_of, self.at)


def dict_key(model, container: Optional[Value], key: str, at: ast.AST) -> Optional[Value]:
    if container is None or (isinstance(container, Const) and container.value is None):
        return None
    if isinstance(container, Items):  # a list of (key, value) pairs: gRPC channel options
        return _pair(model, container, key)
    if not isinstance(container, DictVal):
        return UNKNOWN
    entries = model.resolver.dict_entries(container, at)
    found = entries.get(key)
    if found is None:
        return None if container.complete else UNKNOWN
    expr, scope = found
    value = model.resolve(expr, scope)
    return value.through(container.via[0]) if container.via else value


def _pair(model, container: Items, key: str) -> Optional[Value]:
    """The value paired with ``key`` in a list of pairs; None when no pair has it, UNKNOWN when one may."""
    for item in container.items:
        pair = model.resolve(item, container.scope)
        if not isinstance(pair, Items) or len(pair.items) != 2:
            return UNKNOWN
        name = model.resolve(pair.items[0], pair.scope)
        if not isinstance(name, Const):
            return UNKNOWN
        if name.value == key:
            return model.resolve(pair.items[1], pair.scope)
    return None


def _relayed(model, point, args: Tuple[Arg, ...]) -> Iterator[str]:
    """Credentials sent on calls through an object built from the connection (``stub = Stub(channel)``;
    ``stub.Method(request, metadata=[("authorization", ...)])``): the credential names and lines."""
    from .values import CallResult
    from .vocabulary import is_credential_name

    def built_on_channel(value) -> bool:
        if not isinstance(value, CallResult):
            return False
        return any(getattr(model.resolve(arg, value.scope), "call", None) is point.node
                   for arg in list(value.call.args[:1]) + [k.value for k in value.call.keywords if k.arg == "channel"])

    for site in model.sites():
        if site.method is None or site.receiver is None:
            continue
        given = [(arg, site.value(arg)) for arg in args]
        if all(value is None for _, value in given):
            continue
        if not built_on_channel(model.resolve(site.receiver, site.scope)):
            continue
        for arg, value in given:
            if value is None or (isinstance(value, Const) and value.value is None):
                continue
            if arg.name == "metadata":
                names = [name for name in _pair_names(model, value) if is_credential_name(name)]
                if names:
                    yield f"metadata {names[0]!r} of {site.method}(), line {site.call.lineno}"
            else:
                yield f"{arg.name}= of {site.method}(), line {site.call.lineno}"


def _pair_names(model, value: Value) -> List[str]:
    if not isinstance(value, Items):
        return []
    names = []
    for item in value.items:
        pair = model.resolve(item, value.scope)
        if isinstance(pair, Items) and len(pair.items) == 2:
            name = model.resolve(pair.items[0], pair.scope)
            if isinstance(name, Const) and isinstance(name.value, str):
                names.append(name.value)
    return names


class Connection:
    """One connection: made by a call (``point`` set) or configured by a setting."""

    __slots__ = ("node", "subject", "library", "api", "source", "dsn", "dsn_given", "url", "point",
                 "password_values", "extra_credentials", "tls_node", "others")

    def __init__(self, node: ast.AST, subject: str, library: str, api: Api, source: Source, dsn: Optional[Dsn],
                 dsn_given: bool, url: Optional[Url], point=None) -> None:
        self.node = node
        self.subject = subject
        self.library = library
        self.api = api
        self.source = source
        self.dsn = dsn  # the parsed connection string, when one is given and readable
        self.dsn_given = dsn_given  # a connection string is passed (readable or not)
        self.url = url
        self.point = point
        self.password_values: List[Tuple[str, Value, ast.AST]] = []  # filled in for settings
        self.extra_credentials: List[str] = []
        self.tls_node: Optional[ast.AST] = None  # where the TLS options of a setting are written
        # The further hosts of a list (``hosts=["https://es1...", "http://es2..."]``), each judged as a
        # connection of its own; the rules report the first that is insecure, once per call.
        self.others: List["Connection"] = []


class Transport:
    __slots__ = ("state", "scheme", "protocol", "setting", "default", "by_scheme", "explicit")

    def __init__(self, state: str, scheme: Optional[str], protocol: str, setting: str = "", default: str = "",
                 by_scheme: bool = False, explicit: bool = True) -> None:
        self.state = state
        self.scheme = scheme
        self.protocol = protocol  # "PostgreSQL"
        self.setting = setting  # what decided it, for the message: "sslmode='disable'", "redis:// URL"
        self.default = default  # the library default that decided it, when nothing was written
        self.by_scheme = by_scheme  # the URL scheme alone decides (EGR201's case)
        self.explicit = explicit  # written in the code, not a library default


# -- connection strings and URLs ------------------------------------------------------------------

def _cache(model) -> Dict[object, object]:
    cache = getattr(model, "_transport_cache", None)
    if cache is None:
        cache = {}
        model._transport_cache = cache
    return cache


def point_dsn(model, point, index: int = 0) -> Tuple[Optional[Dsn], bool]:
    api = point.api
    if api.url is None:
        return None, False
    value = point.site.value(api.url)
    if isinstance(value, Items) and len(value.items) > index:  # hosts=["https://es1.example.com:9200", ...]
        value = model.resolve(value.items[index], value.scope)
    if isinstance(value, DictVal):  # hosts=[{"host": "es.example.com", "port": 9200, "scheme": "http"}]
        value = _url_of_dict(model, value, point.node)
    if value is None or (isinstance(value, Const) and value.value is None):
        return None, False
    return parse_dsn(value, api.protocol), True


def _url_of_dict(model, value: DictVal, at: ast.AST) -> Value:
    """A host given as a dict of its parts (Elasticsearch ``{"host": ..., "port": ..., "scheme": ...}``) as a
    URL. Without a "scheme" key it is a bare ``host:port`` (https:// when its "use_ssl" key is true): the
    client's default scheme then decides; unknown when either key may be set."""
    parts = []
    for key in ("scheme", "host", "port"):
        part = dict_key(model, value, key, at)
        if isinstance(part, Const) and isinstance(part.value, (str, int)) and not isinstance(part.value, bool):
            parts.append(str(part.value))
        elif isinstance(part, Text):
            parts.append(part.shape)
        elif part is None and key in ("port", "scheme"):
            parts.append("")
        else:
            return UNKNOWN
    scheme, host, port = parts
    if not scheme:
        use_ssl = dict_key(model, value, "use_ssl", at)
        if isinstance(use_ssl, Const) and use_ssl.value is True:
            scheme = "https"
        elif use_ssl is not None and not (isinstance(use_ssl, Const) and use_ssl.value in (False, None, 0)):
            return UNKNOWN
    text = (f"{scheme}://" if scheme else "") + host + (f":{port}" if port else "")
    return Text(text) if HOLE in text else Const(text)


def point_source(model, point) -> Source:
    """Where a connection point's keywords are read: the call, or the one dict it takes (``options``)."""
    if point.api.options is not None:
        return DictSource(model, point.site.value(point.api.options), point.node)
    return CallSource(point.site)


def _host_count(model, point) -> int:
    """How many hosts the connection string argument lists (``hosts=[...]``): each is a connection."""
    if point.api.url is None:
        return 1
    value = point.site.value(point.api.url)
    return len(value.items) if isinstance(value, Items) and len(value.items) > 1 else 1


def connection_url(model, point, index: int = 0) -> Optional[Url]:
    """The URL of a connection point: its connection string (the ``index``-th of a list of hosts), else its
    host argument (or default host)."""
    api = point.api
    dsn, given = point_dsn(model, point, index)
    if dsn is not None and dsn.url is not None and (dsn.url.host is not None or dsn.form != "libpq"):
        return dsn.url
    if given and dsn is None:
        return None
    host_value = point_source(model, point).value(api.host) if api.host is not None else None
    if isinstance(host_value, Items) and host_value.items:  # bootstrap_servers=["k1:9092", "k2:9092"]
        host_value = model.resolve(host_value.items[0], host_value.scope)
    scheme = (dsn.url.scheme if dsn is not None and dsn.url is not None else None) or api.protocol
    userinfo = dsn.url.userinfo if dsn is not None and dsn.url is not None else None
    query = dsn.url.query if dsn is not None and dsn.url is not None else None
    if isinstance(host_value, (Const, Text)) and not (isinstance(host_value, Const)
                                                      and not isinstance(host_value.value, str)):
        shape = shape_of(host_value).split(",", 1)[0]
        if api.protocol == "grpc":
            shape = grpc_target(shape)
        found = parse_host(shape, scheme)
        return Url(found.scheme, found.host, found.port, None, query, userinfo)
    if host_value is None and api.default_host is not None:
        return Url(scheme, api.default_host, None, None, query, userinfo)
    return Url(scheme, None, None, None, query, userinfo)


def grpc_target(shape: str) -> str:
    """A gRPC target as a host: ``dns:///h:443`` and ``ipv4:h:1`` -> ``h:443``; ``unix:/path`` -> ``/path``."""
    for prefix in ("dns:///", "dns:", "ipv4:", "ipv6:"):
        if shape.startswith(prefix):
            return shape[len(prefix):].split(",", 1)[0]
    if shape.startswith(("unix:", "unix-abstract:")):
        return "/" + shape.split(":", 1)[1].lstrip("/")
    return shape


def _upgraded(model, names: Tuple[str, ...]) -> bool:
    """Whether the module uses one of the names (``start_tls``) that may upgrade a connection to TLS."""
    cache = _cache(model)
    found = cache.get("identifiers")
    if found is None:
        found = set()
        for node in ast.walk(model.tree):
            if isinstance(node, ast.Attribute):
                found.add(node.attr)
            elif isinstance(node, ast.Name):
                found.add(node.id)
            elif isinstance(node, ast.alias):
                found.add(node.name.rsplit(".", 1)[-1])
        cache["identifiers"] = found
    return any(name in found for name in names)


def _client_upgraded(model, connection: Connection) -> bool:
    """Whether the client a connection is made through is switched to TLS first (``client.tls_set()``); for
    a call on a parameter that several callers give their client to, whether every one of them is."""
    point = connection.point
    if point is None or point.client is None or not point.client.type.upgraded_by:
        return False
    return all(_upgraded_client(model, client) for client in point_clients(model, point))


def _upgraded_client(model, client) -> bool:
    upgrades = client.type.upgraded_by
    return any(c.op == "call" and c.key is None and c.attr in upgrades for c in configs_reaching(model, client))


def point_clients(model, point) -> list:
    """The clients a call on a client object may be made on: one, or each client that the callers of its
    function pass for the parameter it is made on (``def start(client): client.connect(...)``)."""
    client = point.client
    receiver = getattr(point.site, "receiver", None)
    if client is None or receiver is None:
        return [client] if client is not None else []
    value = model.resolve(receiver, point.site.scope)
    if not isinstance(value, OneOf):
        return [client]
    found = []
    for option in value.options:
        other = model.clients.of(option)
        if other is None or other.type is not client.type:
            return [client]
        if other not in found:
            found.append(other)
    return found or [client]


def configs_reaching(model, client) -> list:
    """A client's configuring calls: its own, and those made in a helper that several callers give their
    client to (``def secure(conn): conn.starttls()``), which the client tracking attaches to the first
    caller's object only."""
    cache = _cache(model)
    key = ("configs", id(client))
    found = cache.get(key)
    if found is not None:
        return found
    found = list(client.all_configs())
    for other in model.clients.objects():
        if other is client or other.type is not client.type:
            continue
        for config in other.configs:
            if config.op != "call" or config.key is not None or not isinstance(config.node.func, ast.Attribute):
                continue
            value = model.resolve(config.node.func.value, config.scope)
            if isinstance(value, OneOf) and any(model.clients.of(option) is client for option in value.options):
                found.append(config)
    cache[key] = found
    return found


def connections(model) -> List[Connection]:
    """Every connection of the module: protocol egress points, then framework settings."""
    cache = _cache(model)
    found = cache.get("connections")
    if found is None:
        found = Units(c for point in model.egress_points() if point.api.protocol is not None
                      for c in [_of_point(model, point)])
        found += list(_settings(model))
        found += list(_endpoints(model))
        cache["connections"] = found
    return found


def connection_of(model, point) -> Optional[Connection]:
    if point.api.protocol is None:
        return None
    for connection in connections(model):
        if connection.point is point:
            return connection
    return None


def _of_point(model, point) -> Connection:
    connection = _of_point_host(model, point, 0)
    for index in range(1, min(_host_count(model, point), _MAX_HOSTS)):
        other = _of_point_host(model, point, index)
        if other.api.protocol == connection.api.protocol:
            connection.others.append(other)
    return connection


_MAX_HOSTS = 16  # hosts of one list judged one by one; the rest are not read


def _of_point_host(model, point, index: int) -> Connection:
    dsn, given = point_dsn(model, point, index)
    api = point.api
    if api.protocol == URL_DISPATCH:
        scheme = dsn.url.scheme if dsn is not None and dsn.url is not None else None
        driver = api_for_engine(scheme)
        if driver is not None and api.library == "SQLAlchemy":
            api = within_connect_args(driver, api.name)
        elif driver is not None:
            api = replace(driver, name=api.name, library=api.library, tls_hint=api.tls_hint or driver.tls_hint)
        else:
            api = replace(api, protocol=scheme_table.base(scheme) if scheme else None)
    connection = Connection(point.node, point.subject, api.library, api, point_source(model, point), dsn,
                            given, model.url(point) if index == 0 else connection_url(model, point, index), point)
    client = point.client
    methods = client.type.auth_methods if client is not None else ()
    if methods:
        # The credentials of the client the connection is judged by: of several that callers pass, the first
        # that is not switched to TLS.
        options = point_clients(model, point)
        if len(options) > 1:
            client = next((c for c in options if not _upgraded_client(model, c)), options[0])
        for config in configs_reaching(model, client):
            if config.op == "call" and config.attr in methods and config.key is None and \
                    (config.node.args or config.node.keywords):  # simple_bind_s() alone is an anonymous bind
                connection.extra_credentials.append(f"{config.attr}()")
    if api.relayed:
        connection.extra_credentials.extend(dict.fromkeys(_relayed(model, point, api.relayed)))
    for callee, where_given, passwords in api.logins:
        for site in model.calls_to(callee):
            given = site.value(where_given)
            if not _given_connection(model, given, point, api.login_groups):
                continue
            for arg in passwords:
                value = site.value(arg)
                if value is not None and not (isinstance(value, Const) and value.value in (None, "")):
                    # with its value and call, so that a literal one is a hard-coded credential there
                    connection.password_values.append(
                        (f"{arg.name}= of {callee}(), line {site.call.lineno}", value, site.call))
                    break
    return connection


def _given_connection(model, given, point, groups, depth: int = 0) -> bool:
    """Whether the value a login call is given is the connection made at ``point``: that call's result, a
    list holding it, or a group of connections made from such a list (ldap3 ``ServerPool([...])``)."""
    if given is None or depth > 2:
        return False
    from .values import CallResult

    for option in (given.options if isinstance(given, OneOf) else (given,)):
        if getattr(option, "call", None) is point.node:
            return True
        if isinstance(option, Items) and groups:
            if any(_given_connection(model, model.resolve(item, option.scope), point, groups, depth + 1)
                   for item in option.items[:_MAX_HOSTS]):
                return True
        elif isinstance(option, CallResult) and groups and isinstance(option.callee, Ref):
            for constructor, listed in groups:
                if option.callee.qualname == constructor:
                    members = model.site(option.call).value(listed)
                    if _given_connection(model, members, point, groups, depth + 1):
                        return True
    return False


# -- switches --------------------------------------------------------------------------------------

def switch_value(model, connection: Connection, switch: TlsSwitch) -> Optional[Value]:
    """What a switch is set to: the keyword (or its aliases, or the key of its dict argument), else the
    option of the connection string. None when it is certainly not set, UNKNOWN when it may be."""
    source = connection.source
    names = (switch.arg.name,) + switch.aliases
    unknown = False
    if switch.within is not None:
        container = source.value(switch.within)
        for name in names:
            value = dict_key(model, container, name, connection.node)
            if isinstance(value, Unknown):
                unknown = True
            elif value is not None:
                return value
    else:
        for index, name in enumerate(names):
            value = source.value(switch.arg if index == 0 else Arg(name))
            if isinstance(value, Unknown):
                unknown = True
            elif value is not None:
                return value
    if isinstance(source, CallSource) and switch.within is None and \
            any(k.arg is None for k in source.site.call.keywords):
        unknown = True  # a **dict may carry the switch (its value can come from a caller)
    if switch.option is not None or connection.dsn_given:
        dsn = connection.dsn
        if dsn is None:
            unknown = unknown or connection.dsn_given
        else:
            option_names = ((switch.option,) if switch.option else ()) + (
                () if switch.within and not switch.options_by_name else names)
            text = dsn.option(*option_names) if option_names else None
            if text is not None and HOLE not in text:
                return _option_value(text).through("the connection string")
            if text is not None or not dsn.complete:
                unknown = True
    return UNKNOWN if unknown else None


def _option_value(text: str) -> Value:
    lowered = text.strip().lower()
    if lowered in _TRUE_WORDS:
        return Const(True)
    if lowered in _FALSE_WORDS:
        return Const(False)
    return Const(text)


def transport(model, connection: Connection) -> Transport:
    from .tls import describe, switched_off

    cache = _cache(model)
    key = ("transport", id(connection))
    found = cache.get(key)
    if found is not None:
        return found
    api = connection.api
    url = connection.url
    url_scheme = url.scheme if url is not None and connection.dsn is not None and connection.dsn.form == "url" else None
    entry = scheme_table.lookup(url_scheme or api.protocol)
    protocol = entry.protocol if entry is not None else (api.protocol or "").upper()
    scheme = url.scheme if url is not None and url.scheme else api.protocol
    fixed = scheme_table.lookup(api.scheme) if api.scheme else None
    if (url is not None and url.host is not None and url.host.startswith("/")) or \
            (entry is not None and entry.transport == scheme_table.LOCAL_T):
        result = Transport(LOCAL_STATE, scheme, protocol)
    elif api.protocol is None:
        result = Transport(UNKNOWN_STATE, scheme, protocol)  # a URL-dispatched client whose URL the code does not show
    elif api.upgraded_by and _upgraded(model, api.upgraded_by):
        result = Transport(UNKNOWN_STATE, scheme, protocol)  # StartTLS may upgrade it somewhere in the module
    elif _client_upgraded(model, connection):
        result = Transport(TLS_STATE, scheme, protocol)  # client.tls_set() before connect()
    elif fixed is not None and fixed.transport == scheme_table.CLEARTEXT_T:
        result = Transport(CLEARTEXT_STATE, scheme, fixed.protocol, f"{api.name}() never encrypts")
    elif url_scheme is not None and entry is not None and entry.transport == scheme_table.CLEARTEXT_T and \
            not _tls_by_settings(model, connection):
        result = Transport(CLEARTEXT_STATE, scheme, protocol, f"a {url_scheme}:// URL", by_scheme=True)
    elif url_scheme is not None and entry is not None and entry.transport == scheme_table.CLEARTEXT_T:
        # broker_use_ssl={...} makes kombu open TLS whatever the URL's scheme: its switches are judged as such.
        result = Transport(TLS_STATE, scheme, protocol)
    else:
        secure_scheme = url_scheme is not None and entry is not None and entry.transport in (
            scheme_table.TLS_T, scheme_table.UNVERIFIED_T)
        result = None
        unknown = connection.dsn_given and connection.dsn is None
        written = False  # a transport switch is set in the code (Encrypt=yes), not left to the default
        for effect, state in ((CLEARTEXT, CLEARTEXT_STATE), (OPTIONAL_TLS, OPTIONAL_STATE)):
            for switch in api.tls:
                if switch.effect != effect:
                    continue
                value = choose(switch_value(model, connection, switch),
                               lambda v: switched_off(model, v, switch.disabled_by, switch.values) is not None)
                if isinstance(value, Unknown):
                    unknown = True
                    continue
                written = written or value is not None
                if secure_scheme and (value is None or switch.scheme_wins):
                    continue
                reason = switched_off(model, value, switch.disabled_by, switch.values)
                if reason is None:
                    continue
                if value is None:
                    result = Transport(state, scheme, protocol, f"{switch.arg.name} not set", switch.default,
                                       explicit=False)
                else:
                    result = Transport(state, scheme, protocol, describe(value, switch.arg.name,
                                                                         context_reason=reason))
                break
            if result is not None:
                break
        if result is None and not written and not secure_scheme and entry is not None and \
                entry.transport == scheme_table.NEGOTIATED_T and not entry.default and \
                any(s.effect == CLEARTEXT for s in api.tls) and not any(MISSING in s.disabled_by for s in api.tls
                                                                       if s.effect in (CLEARTEXT, OPTIONAL_TLS)):
            unknown = True  # the default depends on what the code does not show (the ODBC driver's version)
        if result is None:
            if secure_scheme or not unknown:
                result = Transport(TLS_STATE, scheme, protocol)
            else:
                result = Transport(UNKNOWN_STATE, scheme, protocol)
    cache[key] = result
    return result


def internal_host(host: Optional[str], policy) -> bool:
    """Exempt by the host policy, or a single-label service name (``db``, ``redis``)."""
    if host is None:
        return False
    if policy.exempt(host):
        return True
    name = host.strip().lower().rstrip(".")
    if not name or HOLE in name or "." in name or ":" in name:
        return False
    try:
        ipaddress.ip_address(name)
        return False
    except ValueError:
        return True


def insecure(model, policy, state: str) -> Iterator[Tuple[Connection, Transport]]:
    """Connections in ``state`` that may reach a host outside the policy. A library default is reported
    only for a host written in the code; a setting written in the code also for an unknown host."""
    for first in connections(model):
        for connection in [first] + first.others:
            result = transport(model, connection)
            if result.state != state:
                continue
            host = connection.url.host if connection.url is not None else None
            if internal_host(host, policy):
                continue
            if host is None and not result.explicit:
                continue
            yield connection, result
            break


def where(connection: Connection, result: Transport) -> str:
    url = connection.url
    if url is None or url.host is None:
        return "a host not known from the code"
    port = f":{url.port}" if url.port else ""
    return f"{url.host}{port}"


# -- hints: what to change, in the words of the connection's library -----------------------------------

_GENERIC_TLS = "the client's TLS option, verifying the server against a CA bundle"
_GENERIC_SECRET = ("pass the password as its own argument, read from the environment or a secret store, "
                   "not inside the connection string")


def tls_remedy(connection: Optional[Connection]) -> str:
    """How the connection's library connects with verified TLS (its table's ``tls_hint``; else the TLS
    twin of its scheme; else a generic phrase)."""
    if connection is None:
        return ""
    api = connection.api
    if api.tls_hint:
        return api.tls_hint
    scheme = connection.url.scheme if connection.url is not None and connection.url.scheme else api.protocol
    entry = scheme_table.lookup(scheme)
    if entry is not None and entry.secure:
        return f"a {entry.secure}:// URL"
    return _GENERIC_TLS


def holds(connection: Connection) -> str:
    """What the far end of a connection is when it holds or carries data by definition ("database",
    "cache", "message broker", "directory", "search index"); "" otherwise."""
    if connection.api.holds:
        return connection.api.holds
    url = connection.url
    for scheme in (url.scheme if url is not None else None, connection.api.protocol):
        entry = scheme_table.lookup(scheme)
        if entry is not None and entry.holds:
            return entry.holds
    return ""


def secret_remedy(api: Api) -> str:
    """Where a connection's password belongs instead of its connection string."""
    return api.secret_hint or _GENERIC_SECRET


def describe_transport(result: Transport) -> str:
    text = result.setting
    if result.default:
        text += f": {result.default}"
    return text


# -- credentials -------------------------------------------------------------------------------------

def credentials(model, connection: Connection) -> List[Tuple[str, Optional[Value], ast.AST]]:
    """What gives the connection credentials (names only): password arguments, a password in the
    connection string, methods that log in. Each with its value where there is one."""
    found: List[Tuple[str, Optional[Value], ast.AST]] = list(connection.password_values)
    for arg in connection.api.password:
        value = connection.source.value(arg)
        if value is None or (isinstance(value, Const) and value.value in (None, "")):
            continue
        if isinstance(value, Unknown) and not connection.source.given(arg):
            continue  # maybe given through **kwargs: not known to be a credential
        found.append((f"{arg.name}=", _secret_of(model, value), connection.node))
    password = url_password(connection.url)
    if password:
        found.append(("a password in the connection string",
                      Const(password) if HOLE not in password else None, connection.node))
    found += [(name, None, connection.node) for name in connection.extra_credentials]
    return found


def url_password(url) -> Optional[str]:
    """The password of a connection URL's user info (``redis://:pw@host``), or None."""
    userinfo = url.userinfo if url is not None else None
    if userinfo is None or ":" not in userinfo:
        return None
    return userinfo.split(":", 1)[1] or None


def _secret_of(model, value: Value) -> Value:
    """The secret of a credential argument: the value, or the password of a (user, password[, realm])
    tuple or of a basic-auth helper's call (neo4j ``basic_auth("user", "...")``)."""
    from ..libraries import AUTH_CLASSES
    from .values import CallResult

    if isinstance(value, Items) and len(value.items) in (2, 3):
        return model.resolve(value.items[1], value.scope)
    if isinstance(value, CallResult) and isinstance(value.callee, Ref) and value.callee.qualname in AUTH_CLASSES:
        return model.site(value.call).value(Arg("password", 1)) or UNKNOWN
    return value


def literal_secret(value: Optional[Value]) -> Optional[str]:
    """Where a hard-coded secret comes from ("a literal", "a literal via NAME, line N"), never the value."""
    from .vocabulary import is_secret_literal

    if not isinstance(value, Const) or not isinstance(value.value, (str, bytes)) or not value.value:
        return None
    text = value.value.decode("latin-1") if isinstance(value.value, bytes) else value.value
    if not is_secret_literal(text):
        return None  # a placeholder (changeme, <password>), not a secret
    return f"a literal via {value.via[0]}" if value.via else "a literal"


# -- framework settings --------------------------------------------------------------------------------

def _settings(model) -> Iterator[Connection]:
    if not SETTINGS:
        return
    module = model.index.module
    if module is None:
        return
    wanted: Dict[str, SettingsSpec] = {name: spec for spec in SETTINGS for name in spec.names}
    extra = {name for spec in SETTINGS for name in spec.url_names}
    found: Dict[str, Tuple[ast.AST, ast.AST, object]] = {}
    for stmt in Units(model.tree.body):
        targets: List[ast.AST] = []
        if isinstance(stmt, ast.Assign):
            targets = stmt.targets
        elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
            targets = [stmt.target]
        for target in targets:
            if isinstance(target, ast.Name) and (target.id in wanted or target.id in extra):
                found[target.id] = (stmt, stmt.value, module)
    groups = [(found, None)] + _app_settings(model, set(wanted) | extra)
    for found, app in groups:
        for name, (stmt, value_node, scope) in Units(found.items()):
            spec = wanted.get(name)
            if spec is None:
                continue
            value = model.resolve(value_node, scope)
            if spec.shape == "databases":
                yield from _databases(model, spec, name, stmt, value)
            elif spec.shape == "url":
                yield from _url_setting(model, spec, name, stmt, value, found)
        if app is None:
            continue
        if any(_options_on(model, found[name]) for spec in SETTINGS for name in spec.url_names if name in found):
            _cache(model).setdefault("tls_set_on_app", set()).add(id(app.call))
        # TLS options set on an app whose URL is its constructor's argument (Celery(broker="rediss://...")).
        for spec in {id(s): s for s in SETTINGS if s.app_arg}.values():
            if any(name in found for name in spec.names) or not any(name in found for name in spec.url_names):
                continue
            tls_name = next(name for name in spec.url_names if name in found)
            if not _options_on(model, found[tls_name]):
                continue  # broker_use_ssl = None: the app's own connection says it all
            url = app.value(Arg(spec.app_arg))
            if url is not None:
                yield from _url_setting(model, spec, tls_name, found[tls_name][0], url, found)
    yield from _app_arguments(model, {id(app.call): found for found, app in groups if app is not None})


def _app_arguments(model, settings: Dict[int, Dict[str, Tuple[ast.AST, ast.AST, object]]]) -> Iterator[Connection]:
    """URLs given to an app's constructor for connections its own egress point does not make
    (``Celery("app", backend="redis://...")``: the point is the broker), unless its settings give that URL
    or TLS options for it (read above)."""
    specs = [spec for spec in SETTINGS if spec.app_arg]
    if not specs:
        return
    for point in _app_points(model):
        found = settings.get(id(point.node), {})
        for spec in specs:
            if point.api.url is not None and spec.app_arg == point.api.url.name:
                continue  # the point itself (broker=)
            if any(name in found for name in spec.names) or \
                    any(name in found and _options_on(model, found[name]) for name in spec.url_names):
                continue
            if any(keyword.arg in spec.url_names for keyword in point.node.keywords):
                continue  # Celery(backend=..., redis_backend_use_ssl=...): judged with the app's settings above
            url = model.site(point.node).value(Arg(spec.app_arg))
            if url is not None:
                yield from _url_setting(model, spec, f"{spec.app_arg}= of {point.subject}", point.node, url, found)


def _tls_by_settings(model, connection: Connection) -> bool:
    """Whether the settings give a connection whose URL scheme is cleartext its TLS options (Celery
    ``broker_use_ssl = {...}`` / ``True`` next to ``broker_url = "amqp://..."``, also through ``app.conf``)."""
    if connection.point is not None:
        return tls_set_elsewhere(model, connection.point)
    if connection.tls_node is None or not isinstance(connection.source, DictSource):
        return False
    options = connection.source.value_of
    return isinstance(options, DictVal) or (isinstance(options, Const) and options.value is True)


def _options_on(model, entry) -> bool:
    """A TLS-options setting that turns TLS on: a dict or True (not None / False)."""
    _, node, scope = entry
    value = model.resolve(node, scope)
    return isinstance(value, DictVal) or (isinstance(value, Const) and value.value is True)


def tls_set_elsewhere(model, point) -> bool:
    """Whether the TLS options of the connection made at ``point`` are set through its app's settings
    (``app.conf.broker_use_ssl``): its library's defaults are then not what it uses."""
    connections(model)
    return id(point.node) in _cache(model).get("tls_set_on_app", ())


def _app_settings(model, names) -> List[Tuple[Dict[str, Tuple[ast.AST, ast.AST, object]], object]]:
    """Settings made through an application object (``app.conf.broker_url = ...``,
    ``app.conf.update(broker_use_ssl={...})``, ``app.conf["result_backend"] = ...``): one group per app."""
    from ..libraries import SETTINGS_OBJECTS

    apps = _app_points(model)
    if not apps:
        return []  # no app made in this module (Celery(...)): nothing to read, and no scan of the module
    groups: Dict[int, Tuple[Dict[str, Tuple[ast.AST, ast.AST, object]], object]] = {}
    attributes = set(SETTINGS_OBJECTS.values())  # "conf": nothing else is resolved

    def group_of(holder: ast.AST, scope):
        """The settings of the app whose settings attribute ``holder`` is (``app.conf``)."""
        if not isinstance(holder, ast.Attribute) or holder.attr not in attributes:
            return None
        made = model.resolve(holder.value, scope)
        callee = getattr(made, "callee", None)
        qualname = getattr(callee, "qualname", None)
        if qualname is None or SETTINGS_OBJECTS.get(qualname) != holder.attr:
            return None
        key = id(made.call)
        if key not in groups:
            groups[key] = ({}, model.site(made.call))
        return groups[key][0]

    index = model.index
    for stmt, target, value, scope in index.attribute_stores:
        if target.attr in names and value is not None:
            found = group_of(target.value, scope)
            if found is not None:
                found[target.attr] = (stmt, value, scope)
    for stmt, target, value, scope in index.subscript_stores:
        key = target.slice
        if isinstance(key, ast.Constant) and key.value in names and value is not None:
            found = group_of(target.value, scope)
            if found is not None:
                found[key.value] = (stmt, value, scope)
    for site in model.method_calls("update", "setdefault"):  # indexed by method name: no scan of every call
        call, scope = site.call, site.scope
        func = call.func
        if not isinstance(func, ast.Attribute):
            continue
        found = group_of(func.value, scope)
        if found is None:
            continue
        if func.attr == "setdefault":
            if len(call.args) == 2 and isinstance(call.args[0], ast.Constant) and call.args[0].value in names:
                found.setdefault(call.args[0].value, (call, call.args[1], scope))
            continue
        for keyword in call.keywords:
            if keyword.arg in names:
                found[keyword.arg] = (call, keyword.value, scope)
        for arg in call.args:
            if isinstance(arg, ast.Dict):
                for k, v in zip(arg.keys, arg.values):
                    if isinstance(k, ast.Constant) and k.value in names:
                        found[k.value] = (call, v, scope)
    # Settings given to the app's constructor (Celery("app", broker_use_ssl={...})), unless its
    # settings object sets them too.
    for point in apps:
        keywords = [k for k in point.node.keywords if k.arg in names]
        if keywords:
            key = id(point.node)
            if key not in groups:
                groups[key] = ({}, model.site(point.node))
            for keyword in keywords:
                groups[key][0].setdefault(keyword.arg, (point.node, keyword.value, point.site.scope))
    return list(groups.values())


def _app_points(model) -> list:
    """The module's calls that make an application with a settings object (``Celery(...)``)."""
    from ..libraries import SETTINGS_OBJECTS

    if not SETTINGS_OBJECTS:
        return []
    return [point for point in model.egress_points()
            if point.api.name in SETTINGS_OBJECTS and isinstance(point.node, ast.Call)]


def _databases(model, spec: SettingsSpec, name: str, stmt: ast.AST, value: Value) -> Iterator[Connection]:
    if not isinstance(value, DictVal):
        return
    for alias, (expr, scope) in Units(model.resolver.dict_entries(value, stmt).items()):
        database = model.resolve(expr, scope)
        if not isinstance(database, DictVal):
            continue
        engine = dict_key(model, database, "ENGINE", stmt)
        if not isinstance(engine, Const) or not isinstance(engine.value, str):
            continue
        api = api_for_engine(engine.value)
        if api is None:
            continue
        host = dict_key(model, database, "HOST", stmt)
        if isinstance(host, (Const, Text)) and isinstance(getattr(host, "value", ""), str) and shape_of(host).strip():
            url = parse_host(shape_of(host), api.protocol)
        elif host is None or (isinstance(host, Const) and host.value in ("", None)):
            url = Url(api.protocol, "localhost")  # Django connects to localhost when HOST is empty
        else:
            url = Url(api.protocol, None)
        options = dict_key(model, database, "OPTIONS", stmt)
        node = expr
        connection = Connection(node, f"{name}[{alias!r}]", f"Django ({api.library})", api, DictSource(model, options, stmt),
                                None, False, url)
        password = dict_key(model, database, "PASSWORD", stmt)
        if password is not None and not isinstance(password, Unknown) and \
                not (isinstance(password, Const) and password.value in ("", None)):
            connection.password_values.append(("PASSWORD", password, node))
        yield connection


def _url_setting(model, spec: SettingsSpec, name: str, stmt: ast.AST, value: Value,
                 found: Dict[str, Tuple[ast.AST, ast.AST, object]]) -> Iterator[Connection]:
    dsn = parse_dsn(value, None)
    if dsn is None or dsn.url is None or dsn.form != "url" or dsn.url.scheme is None:
        return
    api = api_for_engine(dsn.url.scheme) or Api(name, spec.library, protocol=scheme_table.base(dsn.url.scheme))
    api = Api(api.name, spec.library, tls=spec.tls, protocol=api.protocol, tls_hint=spec.tls_hint)
    options: Optional[Value] = None
    tls_stmt = None
    for tls_name in spec.url_names:
        if tls_name in found:
            tls_stmt, tls_node, tls_scope = found[tls_name]
            options = model.resolve(tls_node, tls_scope)
            break
    connection = Connection(stmt, name, spec.library, api, DictSource(model, options, tls_stmt or stmt), dsn, True,
                            dsn.url)
    connection.tls_node = tls_stmt
    yield connection


# -- client endpoints set as attributes (configuration.host = "http://...") -------------------------------------

def _endpoints(model) -> Iterator[Connection]:
    for client in model.client_objects():
        endpoint = client.type.endpoint
        if endpoint is None or endpoint.url is None:
            continue
        name = endpoint.url.name
        given: List[Tuple[ast.AST, Value]] = []
        origin = client.origin
        # Credentials set on the client, each with its value and statement, so that a literal one is a
        # hard-coded credential there (EGR303) as well as a credential sent over the connection (EGR202).
        valued: List[Tuple[str, Optional[Value], ast.AST]] = []
        if isinstance(origin, ast.Call):
            for keyword in origin.keywords:
                if keyword.arg == name:
                    given.append((origin, model.resolve(keyword.value, client.scope)))
                elif keyword.arg in client.type.auth_attributes:  # Configuration(host=..., api_key={...})
                    value = model.resolve(keyword.value, client.scope)
                    if _gives_credential(value):
                        valued += _credential_values(model, f"{keyword.arg}=", value, origin)
        configs = client.all_configs()
        method = client.type.endpoint_method
        for config in configs:
            if config.op == "set" and config.attr == name and config.key is None:
                given.append((config.node, model.resolve(config.value, config.scope)))
            elif config.op == "call" and method and config.attr == method and config.key is None:
                option = _option_name(model, config, client)
                if option in client.type.endpoint_options:
                    given.append((config.node, model.site(config.node).value(endpoint.url)))
                elif option in client.type.auth_options:
                    # with its value and call, so that a literal one is a hard-coded credential there
                    valued.append((f"{method}({option.rsplit('.', 1)[-1]})",
                                   model.site(config.node).value(endpoint.url), config.node))
            elif config.attr in client.type.auth_attributes and config.op in ("set", "setitem"):
                value = model.resolve(config.value, config.scope)
                if config.op == "setitem":  # configuration.api_key["authorization"] = token
                    valued.append((config.attr, value, config.node))
                elif _gives_credential(value):
                    valued += _credential_values(model, config.attr, value, config.node)
        switches = dict(client.type.attributes)
        tls_node = next((config.node for config in configs if config.op == "set" and config.attr in switches), None)
        for node, value in given:
            dsn = parse_dsn(value, None)
            if dsn is None or dsn.form != "url" or dsn.url is None:
                continue
            connection = Connection(node, endpoint.name, endpoint.library, endpoint,
                                    DictSource(model, None, node), dsn, True, dsn.url)
            connection.password_values.extend(valued)
            connection.tls_node = tls_node  # where the client's TLS switches are set (verify_ssl = False)
            yield connection


def _credential_values(model, name: str, value: Value, node: ast.AST) -> List[Tuple[str, Optional[Value], ast.AST]]:
    """The values a credential setting gives: the value, or for a dict (``api_key={"secret": ...}``) the
    value of each entry whose key names a credential (a ``clientId`` entry is an identifier, not a secret)."""
    from .vocabulary import is_credential_name

    if isinstance(value, DictVal):
        return [(name, None, node)] + [(name, model.resolve(entry, scope), node)
                                       for key, (entry, scope) in value.entries.items() if is_credential_name(key)]
    return [(name, value, node)]


def _gives_credential(value: Value) -> bool:
    """A credential attribute or keyword set to None, "" or an empty dict gives none (``api_key={}``)."""
    if isinstance(value, Const) and value.value in (None, "", False):
        return False
    return not (isinstance(value, DictVal) and value.complete and not value.entries)


def _option_name(model, config, client) -> Optional[str]:
    """The option a configuring call names first: ``setopt(pycurl.URL, ...)`` -> "pycurl.URL"; the same
    constant read from the handle itself (``c.setopt(c.URL, ...)``) counts under the library's name."""
    call = config.node
    if not call.args:
        return None
    option = model.resolve(call.args[0], config.scope)
    if isinstance(option, Ref):
        return option.qualname
    first = call.args[0]
    if isinstance(first, ast.Attribute) and model.clients.of(model.resolve(first.value, config.scope)) is client:
        for known in client.type.endpoint_options + client.type.auth_options:
            if known.rsplit(".", 1)[-1] == first.attr:
                return known
    return None


# -- STARTTLS before login --------------------------------------------------------------------------------

_LOGINS = ("login", "auth", "authenticate", "login_cram_md5", "user", "pass_", "apop", "rpop")


def _parents(model) -> Dict[int, ast.AST]:
    cache = _cache(model)
    found = cache.get("parents")
    if found is None:
        found = {}
        for node in ast.walk(model.tree):
            for child in ast.iter_child_nodes(node):
                found[id(child)] = node
        cache["parents"] = found
    return found


def _statement(parents, node: ast.AST) -> Optional[ast.AST]:
    while node is not None and not isinstance(node, ast.stmt):
        node = parents.get(id(node))
    return node


def _dominates(parents, first: ast.AST, later: ast.AST) -> bool:
    """Whether statement ``first`` runs on every path to statement ``later``: it stands earlier in a
    block that holds ``later`` or one of its enclosing statements (a conditional, a ``try`` body or a
    loop body around ``first`` breaks that)."""
    holder = parents.get(id(first))
    block = None
    for field in ("body", "orelse", "finalbody"):
        items = getattr(holder, field, None)
        if isinstance(items, list) and any(item is first for item in items):
            block = items
            break
    if block is None or isinstance(holder, (ast.If, ast.For, ast.AsyncFor, ast.While, ast.Try)):
        return False
    index = next(i for i, item in enumerate(block) if item is first)
    node = later
    while node is not None:
        for i, item in enumerate(block):
            if item is node:
                return i > index
        node = parents.get(id(node))
    return False


def login_before_upgrade(model, client, upgrades: Tuple[str, ...]):
    """The first login call on a client that no STARTTLS call runs before on every path; None when every
    login is preceded by an upgrade (or there is no login, or no upgrade at all), and None as well when an
    upgrade in another function may or may not run before a login (precision first: the order of two
    methods called from elsewhere is not known).

    An upgrade in another function counts before a login when that function runs it on every path to its
    end and either made the object (a helper that returns the connection after ``starttls()``, a method that
    stores it on ``self`` and upgrades it there) or is called, with the object, before the login in the
    login's function (``upgrade(conn)``, ``self.secure()``)."""
    if client is None:
        return None
    configs = client.all_configs()
    upgrade_calls = upgrade_calls_of(model, client, upgrades)
    if not upgrade_calls:
        return None
    parents = _parents(model)
    for login in (c for c in configs if c.op == "call" and c.key is None and c.attr in _LOGINS):
        login_stmt = _statement(parents, login.node)
        if login_stmt is None:
            return None
        verdicts = [_upgrade_before(model, parents, client, up, login, login_stmt) for up in upgrade_calls]
        if any(v is True for v in verdicts):
            continue
        if any(v is None for v in verdicts):
            return None  # an upgrade the engine cannot place before or after this login
        return login
    return None


def upgrade_calls_of(model, client, upgrades: Tuple[str, ...]) -> list:
    """The STARTTLS calls made on a client, also in a helper shared by several callers (configs_reaching)."""
    if client is None or not upgrades:
        return []
    return [c for c in configs_reaching(model, client) if c.op == "call" and c.key is None and c.attr in upgrades]


def _upgrade_before(model, parents, client, upgrade, login, login_stmt) -> Optional[bool]:
    """Whether ``upgrade`` runs before ``login`` on every path: True, False (a path without it is seen), or
    None (they are in functions whose order the code does not show)."""
    up_stmt = _statement(parents, upgrade.node)
    if up_stmt is None:
        return None
    if upgrade.scope is login.scope:
        return _dominates(parents, up_stmt, login_stmt)
    function = upgrade.scope.node
    if login.scope.kind == "module" and _not_run_before(model, function, login_stmt):
        return False  # a login at import time, and a function that nothing can have run by then
    if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return None
    to_end = _runs_to_end(parents, upgrade.scope, up_stmt)
    # The upgrade's function is called, with the object, in the login's function.
    calls = [(call, shift) for call, scope, shift in model.resolver.callers(function, upgrade.scope)
             if scope is login.scope and (shift or _passes(model, call, scope, client))]
    if calls:
        if to_end and any(_dominates(parents, _statement(parents, call), login_stmt) for call, _ in calls):
            return True
        return False
    # The upgrade's function made the object: every other function sees it after that function ran,
    # unless the login's function is called from there before the upgrade.
    if client.scope is upgrade.scope and up_stmt.lineno > client.origin.lineno:
        login_function = login.scope.node
        if isinstance(login_function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for call, scope, _ in model.resolver.callers(login_function, login.scope):
                if scope is upgrade.scope and not _dominates(parents, up_stmt, _statement(parents, call)):
                    return False
        return to_end
    return None


def _not_run_before(model, function, login_stmt) -> bool:
    """Whether a function (or lambda) of the module certainly has not run when a module-level statement runs:
    it is defined after that statement, or it is a ``def`` that nothing in the module calls or names."""
    if function.lineno > login_stmt.lineno:
        return True
    if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)) or function.decorator_list:
        return False
    scope = model.index.functions.get(function)
    if scope is None or model.resolver.callers(function, scope):
        return False
    name = function.name
    return not any(isinstance(node, ast.Name) and node.id == name for node in ast.walk(model.tree))


def _runs_to_end(parents, scope, stmt) -> bool:
    """Whether a statement of a function runs on every path that leaves it normally: it stands in the
    function's own body (or a ``with`` block in it), and no ``return`` comes before it."""
    function = scope.node
    node = stmt
    while True:
        holder = parents.get(id(node))
        if holder is function:
            break
        if not isinstance(holder, (ast.With, ast.AsyncWith)) or not any(item is node for item in holder.body):
            return False
        node = holder
    if not any(item is node for item in function.body):
        return False
    return not any(ret.lineno < stmt.lineno for ret in scope.returns)


def _passes(model, call: ast.Call, scope, client) -> bool:
    """Whether a call gives ``client`` as one of its arguments."""
    args = list(call.args) + [keyword.value for keyword in call.keywords if keyword.arg is not None]
    return any(model.clients.of(model.resolve(arg, scope)) is client for arg in args)
