"""The URL an egress point talks to, as far as the code shows it.

Literal URLs, f-strings and concatenations with a literal head, ``%`` / ``.format`` templates,
``urljoin(base, ...)``, a client's ``base_url`` (or a connection's host), and Request objects built
first and sent later all lead here. An ``http`` scheme with an unknown host is still plain HTTP.
"""
from __future__ import annotations

import ast
import re
from typing import List, Optional, Tuple

from ..libraries import REQUEST_OBJECTS
from ..libraries.spec import Api, Arg
from .calls import CallSite
from .clients import ClientObject
from .values import HOLE, CallResult, Const, Member, Ref, Text, Value, shape_of

_REQUEST_BUILDERS = ("prepare",)  # req.prepare()
_SESSION_PREPARERS = ("prepare_request", "build_request")  # session.prepare_request(req), client.build_request(...)


class Url:
    __slots__ = ("scheme", "host", "port", "path", "query", "userinfo", "source", "local")

    def __init__(self, scheme: Optional[str], host: Optional[str], port: Optional[str] = None,
                 path: Optional[str] = None, query: Optional[str] = None, userinfo: Optional[str] = None,
                 source: str = "own") -> None:
        self.scheme = scheme  # lower case, None when unknown
        self.host = host  # None when not known from the code
        self.port = port
        self.path = path  # None when not known
        self.query = query
        self.userinfo = userinfo  # kept for the credential rules; never printed
        self.source = source  # "own" (written at the call), "base" (the client's), "request" (a Request object)
        self.local: Optional[str] = None  # why the transport never leaves the machine (a Unix socket, ...)

    @property
    def display(self) -> str:
        """Scheme, host and path only: no user info and no query, and path segments that hold a
        secret are redacted, so no secret is ever printed."""
        host = self.host or "<dynamic host>"
        port = f":{self.port}" if self.port else ""
        return f"{self.scheme or '?'}://{host}{port}{self.display_path}"

    @property
    def display_path(self) -> str:
        return redact_path(self.path or "").replace(HOLE, "{…}")

    @property
    def matrix_keys(self) -> Tuple[str, ...]:
        """Keys of ``;key=value`` path parameters (``/items;jsessionid=...``)."""
        if not self.path or ";" not in self.path:
            return ()
        keys = []
        for segment in self.path.split("/"):
            for param in segment.split(";")[1:]:
                key = param.split("=", 1)[0]
                if key and HOLE not in key:
                    keys.append(key)
        return tuple(keys)

    @property
    def path_segments(self) -> Tuple[str, ...]:
        """The known segments of the path (a segment with an unknown part is left out)."""
        if not self.path:
            return ()
        return tuple(seg for seg in self.path.split("/") if seg and HOLE not in seg)

    @property
    def query_keys(self) -> Tuple[str, ...]:
        if not self.query:
            return ()
        keys = (item.split("=", 1)[0] for item in self.query.split("&"))
        return tuple(key for key in keys if key and HOLE not in key)

    def with_source(self, source: str) -> "Url":
        made = Url(self.scheme, self.host, self.port, self.path, self.query, self.userinfo, source)
        made.local = self.local
        return made


REDACTED = "…"


def redact_path(path: str) -> str:
    """The path with every segment that may hold a secret replaced by ``…``: a segment after a
    credential word (``/token/S``), the value of a credential ``;key=`` parameter, and a segment
    that looks like a key or token itself."""
    from .vocabulary import is_credential_name, looks_like_secret

    if not path:
        return path
    segments = path.split("/")
    out = []
    previous = ""
    for segment in segments:
        head, *params = segment.split(";")
        if previous and is_credential_name(previous) and head and head != HOLE:
            head = REDACTED
        elif looks_like_secret(head.replace(HOLE, "")):
            head = REDACTED
        kept = []
        for param in params:
            key, sep, _value = param.partition("=")
            kept.append(f"{key}={REDACTED}" if sep and is_credential_name(key) else param)
        out.append(";".join([head] + kept))
        previous = segment.split(";", 1)[0]
    return "/".join(out)


def parse(shape: str) -> Optional[Url]:
    """Parse a URL from its shape (unknown parts are HOLE characters)."""
    scheme, sep, rest = shape.partition("://")
    if not sep or not scheme or not scheme.replace("+", "").replace("-", "").replace(".", "").isalnum():
        return None
    authority, term, tail = _split_authority(rest)
    userinfo, at, hostport = authority.rpartition("@")
    host, port = _split_port(hostport)
    if HOLE in host or (port is not None and HOLE in port):
        host, port = "", None
    path: Optional[str] = None
    query: Optional[str] = None
    if term == "/":
        path, _, query_part = ("/" + tail).partition("?")
        query = query_part if "?" in tail else None
        path = path.split("#", 1)[0]
    elif term == "?":
        path, query = "", tail.split("#", 1)[0]
    elif term == "#" or HOLE not in authority:
        path = ""
    return Url(scheme.lower(), host.lower() or None, port, path, query, userinfo if at else None)


def parse_host(shape: str, scheme: Optional[str]) -> Url:
    host, port = _split_port(shape.strip())
    if HOLE in host:
        return Url(scheme, None)
    return Url(scheme, host.lower() or None, port if port and HOLE not in port else None)


def _split_authority(rest: str) -> Tuple[str, str, str]:
    for index, char in enumerate(rest):
        if char in "/?#":
            return rest[:index], char, rest[index + 1:]
    return rest, "", ""


def _split_port(hostport: str) -> Tuple[str, Optional[str]]:
    if hostport.startswith("["):
        host, _, after = hostport[1:].partition("]")
        return host, after[1:] if after.startswith(":") else None
    if hostport.count(":") == 1:
        host, _, port = hostport.partition(":")
        return host, port or None
    return hostport, None


def url_of_value(value: Optional[Value]) -> Optional[Url]:
    if not isinstance(value, (Const, Text)) or (isinstance(value, Const) and not isinstance(value.value, str)):
        return None
    return parse(shape_of(value))


def _relative(value: Optional[Value]) -> Optional[str]:
    """The shape of a relative URL (``"/users"``), when that is what the value is."""
    if not isinstance(value, (Const, Text)) or (isinstance(value, Const) and not isinstance(value.value, str)):
        return None
    shape = shape_of(value)
    if "://" in shape or shape.startswith(HOLE):
        return None
    return shape


def request_object(model, value: Optional[Value], depth: int = 0) -> Optional[Tuple[CallResult, Api]]:
    """The Request constructor call a value was made from (``Request(...)``, ``req.prepare()``,
    ``session.prepare_request(req)``)."""
    if not isinstance(value, CallResult) or depth > 4:
        return None
    callee = value.callee
    if isinstance(callee, Ref) and callee.qualname in REQUEST_OBJECTS:
        return value, REQUEST_OBJECTS[callee.qualname]
    if isinstance(callee, Member):
        if callee.attr in _REQUEST_BUILDERS:
            return request_object(model, callee.base, depth + 1)
        if callee.attr in _SESSION_PREPARERS and value.call.args:
            return request_object(model, model.resolve(value.call.args[0], value.scope), depth + 1)
    return None


def client_base(model, client: Optional[ClientObject]) -> Optional[Url]:
    """What relative URLs on a client are relative to: its base_url, or a connection's host."""
    if client is None or client.constructor is None or not hasattr(client.origin, "func"):
        return None
    api = client.constructor
    site = model.site(client.origin)
    if api.base_url is not None:
        found = url_of_value(site.value(api.base_url))
        if found is not None:
            return found.with_source("base")
    if api.host is not None:
        value = site.value(api.host)
        if isinstance(value, (Const, Text)) and _relative(value) is not None:
            return parse_host(shape_of(value), api.scheme).with_source("base")
        return Url(api.scheme, None, source="base") if api.scheme else None
    if api.url is not None:
        found = url_of_value(site.value(api.url))
        return found.with_source("base") if found else None
    return None


# Schemes of HTTP over a local transport (requests-unixsocket, docker-py, named pipes).
LOCAL_SCHEMES = frozenset({"http+unix", "https+unix", "ws+unix", "http+docker", "unix", "npipe", "http+npipe",
                           "local"})
_NETWORK_CONNECTS = ("create_connection", "connect_ex")
_TRANSPORT_METHODS = ("connect", "send")


def local_transport(model, point, url: Optional[Url]) -> Optional[str]:
    """Why an egress point never reaches the network, or None: a local-transport scheme
    (``http+unix://``, ``http+docker://``), a host that is a socket path or a Windows named pipe,
    or a connection class defined here whose ``connect``/``send`` replaces the network connection
    (a Unix socket, an SSH channel, an in-memory buffer) without calling a network connect."""
    if url is not None:
        if url.scheme in LOCAL_SCHEMES:
            return f"{url.scheme} transport"
        host = url.host or ""
        if host.startswith(("/", "%2f", "\\\\.\\pipe", "\\\\?\\pipe")):
            return "socket path"
    client = point.client
    while client is not None:
        origin = client.origin
        if url is not None and url.scheme is not None and client.constructor is not None \
                and client.constructor.local_scheme is not None and isinstance(origin, ast.Call):
            arg, default = client.constructor.local_scheme
            value = model.site(origin).value(arg)
            mounted = value.value if isinstance(value, Const) and isinstance(value.value, str) else \
                default if value is None else None
            if mounted is not None and url.scheme == mounted.split("://", 1)[0].lower():
                return f"{url.scheme} transport ({client.constructor.name})"
        if client.constructor is not None and client.constructor.local_via and isinstance(origin, ast.Call):
            reason = _local_via(model, client.constructor, origin)
            if reason is not None:
                return reason
        if isinstance(origin, ast.ClassDef):
            reason = _custom_transport(origin)
            if reason is not None:
                return reason
        client = client.base
    return None


def _local_via(model, api: Api, call: ast.Call) -> Optional[str]:
    """A client made with an in-process or local-socket transport (the table's ``local_via``):
    ``httpx.Client(transport=httpx.MockTransport(handler))``, ``HTTPTransport(uds=...)``, ``app=``,
    ``aiohttp.ClientSession(connector=aiohttp.UnixConnector(path=...))``."""
    site = model.site(call)
    for arg, qualname, needed in api.local_via:
        value = site.value(arg)
        if value is None or (isinstance(value, Const) and value.value is None):
            continue
        if not qualname:
            return f"in-process app ({arg.name}=)"
        if isinstance(value, CallResult) and isinstance(value.callee, Ref) and value.callee.qualname == qualname:
            if needed is None:
                return f"{qualname.rsplit('.', 1)[1]} ({arg.name}=)"
            given = model.site(value.call).value(Arg(needed))
            if given is not None and not (isinstance(given, Const) and given.value is None):
                return f"{qualname.rsplit('.', 1)[1]}({needed}=) ({arg.name}=)"
    return None


def _custom_transport(cls: ast.ClassDef) -> Optional[str]:
    overrides = [stmt for stmt in cls.body if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef))
                 and stmt.name in _TRANSPORT_METHODS]
    if not overrides:
        return None
    for method in overrides:
        for node in ast.walk(method):
            if isinstance(node, ast.Attribute) and node.attr in _NETWORK_CONNECTS:
                return None  # opens a network connection itself
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "connect" \
                    and isinstance(node.func.value, (ast.Call, ast.Name)) and _is_super_or_base(node.func.value):
                return None  # super().connect(): the network connection, then something on top
            if isinstance(node, ast.Attribute) and node.attr == "AF_INET":
                return None
    return f"custom transport ({cls.name}.{overrides[0].name})"


def _is_super_or_base(expr: ast.AST) -> bool:
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name) and expr.func.id == "super":
        return True
    return isinstance(expr, ast.Name) and expr.id.endswith("Connection")


def point_url(model, point) -> Optional[Url]:
    found = _point_url(model, point)
    reason = local_transport(model, point, found)
    if reason is not None:
        if found is None:
            found = Url(None, None)
        found.local = reason
    return found


def _point_url(model, point) -> Optional[Url]:
    api = point.api
    site: CallSite = point.site
    if api.protocol is not None:  # database, cache and broker connections: connection strings, hosts
        from .transport import connection_url

        return connection_url(model, point)
    if point.kind == "client" and api.base_url is not None:
        return url_of_value(site.value(api.base_url))
    if api.url is not None:
        value = site.value(api.url)
        made = request_object(model, value)
        if made is not None:
            result, request_api = made
            request_site = model.site(result.call)
            found = url_of_value(request_site.value(request_api.url))
            return found.with_source("request") if found else None
        found = url_of_value(value)
        if found is not None:
            return found
        path = _relative(value)
        if path is not None:
            base = client_base(model, point.client if point.kind == "request" else None)
            if base is not None:
                path, _, query = path.partition("?")
                joined = (base.path or "").rstrip("/") + "/" + path.lstrip("/")
                return Url(base.scheme, base.host, base.port, joined, query or None, base.userinfo, "base")
        return None
    if api.host is not None:
        value = site.value(api.host)
        if isinstance(value, (Const, Text)) and _relative(value) is not None:
            return parse_host(shape_of(value), api.scheme)
        return Url(api.scheme, None) if api.scheme else None
    if point.kind == "request":
        return client_base(model, point.client)
    return None


def reaches_external_in_clear(url: Optional[Url], policy) -> bool:
    """A cleartext scheme to a host that is unknown or not exempt by the host policy."""
    from ..libraries.spec import CLEARTEXT_SCHEMES

    if url is None or url.scheme not in CLEARTEXT_SCHEMES or url.local is not None:
        return False
    return url.host is None or not policy.exempt(url.host)


def literal_scheme_at_call(point) -> bool:
    """True when the URL's scheme is written as a literal inside the call's own arguments (so a fix
    can edit it there), not carried in from a constant defined elsewhere."""
    api = point.api
    arg = api.base_url if point.kind == "client" and api.base_url is not None else api.url
    expr = point.site.argument(arg) if arg is not None else None
    while expr is not None:
        if isinstance(expr, ast.Constant):
            return isinstance(expr.value, str) and "://" in expr.value
        if isinstance(expr, ast.JoinedStr):
            expr = expr.values[0] if expr.values else None
        elif isinstance(expr, ast.BinOp):
            expr = expr.left
        elif isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr == "format":
            expr = expr.func.value
        else:
            return False
    return False


# -- what a URL is built from ---------------------------------------------------------------------------
class _Hole:
    """An expression whose value is spliced into a URL: ``{token}`` in an f-string, ``+ key``."""

    __slots__ = ("expr", "scope")

    def __init__(self, expr: ast.AST, scope) -> None:
        self.expr = expr
        self.scope = scope


_MAX_PARTS = 200
_FIELD = re.compile(r"\{([^{}]*)\}")
_PERCENT = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[a-zA-Z%]")


def url_parts(model, expr: Optional[ast.AST], scope, depth: int = 0) -> List[object]:
    """The URL expression as literal text and holes, in order, following single-assignment names
    (``url = f"...bot{token}/send"``; ``requests.post(url)``) and ``+``, f-strings, ``%`` and
    ``.format`` templates. Bounded in depth and length."""
    if expr is None or depth > 6:
        return []
    if isinstance(expr, ast.Constant):
        return [expr.value] if isinstance(expr.value, str) else [_Hole(expr, scope)]
    if isinstance(expr, ast.JoinedStr):
        parts: List[object] = []
        for value in expr.values:
            if isinstance(value, ast.Constant):
                parts.append(str(value.value))
            elif isinstance(value, ast.FormattedValue):
                parts.append(_Hole(value.value, scope))
        return parts[:_MAX_PARTS]
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
        return (url_parts(model, expr.left, scope, depth + 1) + url_parts(model, expr.right, scope, depth + 1))[
            :_MAX_PARTS]
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Mod) and isinstance(expr.left, ast.Constant) \
            and isinstance(expr.left.value, str):
        args = list(expr.right.elts) if isinstance(expr.right, ast.Tuple) else [expr.right]
        return _template(expr.left.value, _PERCENT, lambda i, _f: args[i] if i < len(args) else None, scope)
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr == "format":
        template = model.resolve(expr.func.value, scope)
        if isinstance(template, Const) and isinstance(template.value, str):
            keywords = {k.arg: k.value for k in expr.keywords if k.arg}

            def pick(index: int, field: str):
                name = field.split("!", 1)[0].split(":", 1)[0]
                if name.isdigit():
                    return expr.args[int(name)] if int(name) < len(expr.args) else None
                if name:
                    return keywords.get(name)
                return expr.args[index] if index < len(expr.args) else None

            return _template(template.value, _FIELD, pick, scope)
    if isinstance(expr, ast.Name):
        bindings = scope.lookup(expr.id)
        if bindings and len(bindings) == 1 and bindings[0].kind == "assign" and bindings[0].value is not None:
            inner = url_parts(model, bindings[0].value, bindings[0].scope, depth + 1)
            if any(isinstance(p, str) for p in inner):
                return inner
    return [_Hole(expr, scope)]


def _template(text: str, field: "re.Pattern", pick, scope) -> List[object]:
    parts: List[object] = []
    last = 0
    index = 0
    for match in field.finditer(text):
        if match.group(0) == "%%":
            continue
        parts.append(text[last:match.start()])
        arg = pick(index, match.group(1) if match.groups() else "")
        parts.append(_Hole(arg, scope) if arg is not None else _Hole(ast.Constant(None), scope))
        index += 1
        last = match.end()
    parts.append(text[last:])
    return parts[:_MAX_PARTS]


def hole_name(expr: Optional[ast.AST]) -> Optional[str]:
    """The name a spliced value goes by: ``token``, ``self.api_key``, ``config["token"]``, and through
    a quoting or conversion call (``quote(key)``, ``str(key)``)."""
    for _ in range(4):
        if isinstance(expr, ast.Name):
            return expr.id
        if isinstance(expr, ast.Attribute):
            return expr.attr
        if isinstance(expr, ast.Subscript):
            key = expr.slice
            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                return key.value
            return None
        if isinstance(expr, ast.Call) and len(expr.args) == 1 and not expr.keywords:
            expr = expr.args[0]
            continue
        return None
    return None


def _url_expr(model, point):
    """The URL argument expression and its scope (the Request's, for a prepared request)."""
    from .auth import _arg_expr

    api, site = point.api, point.site
    if api.url is None:
        return None
    made = request_object(model, site.value(api.url))
    if made is not None:
        site = model.site(made[0].call)
        api = made[1]
    return _arg_expr(site, api.url)


def _placed_holes(model, point) -> List[Tuple[str, "_Hole", str]]:
    """Each hole of the URL with where it sits ("authority", "path" or "query") and the literal
    text just before it."""
    found = _url_expr(model, point)
    if found is None:
        return []
    parts = url_parts(model, found[0], found[1])
    placed: List[Tuple[str, _Hole, str]] = []
    text = ""
    where = "start"
    for part in parts:
        if isinstance(part, str):
            text += part
            if where == "start" and "://" in text:
                where = "authority"
            elif where == "start" and text.startswith("/"):
                where = "path"  # a path relative to the client's base URL
            if where == "authority" and "/" in text.split("://", 1)[-1]:
                where = "path"
            if "?" in part and where != "query":
                where = "query"
            continue
        if where == "start" and not text:
            where = "base"  # a base URL or host of unknown shape comes first
        placed.append((where, part, text))
        text += HOLE
    return placed


def url_query_keys(model, point) -> List[str]:
    """Query keys written into the URL's template (also where the URL as a whole cannot be parsed:
    ``proto + "//host/api?access_key={}".format(key)``) and keys a ``urlencode({...})`` spliced into
    it brings."""
    from .auth import keys_of

    keys: List[str] = []
    found = _url_expr(model, point)
    if found is not None:  # keys written in the template, also where the URL as a whole cannot be parsed
        shape = "".join(p if isinstance(p, str) else HOLE for p in url_parts(model, found[0], found[1]))
        if "?" not in shape:
            # the template has a hole where a parameter or a rebound name stands; its value (the
            # callers' argument, ``base + "/" + path`` given ``"items?key=..."``) may hold the query
            value = model.resolve(found[0], found[1])
            if isinstance(value, Text) or (isinstance(value, Const) and isinstance(value.value, str)):
                shape = shape_of(value)
        keys += _shape_query_keys(shape)
    for where, hole, _before in _placed_holes(model, point):
        expr = hole.expr
        if where == "query" and isinstance(expr, ast.Call):
            value = model.resolve(expr.func, hole.scope)
            if isinstance(value, Ref) and value.qualname in ("urllib.parse.urlencode", "urllib.urlencode") \
                    and expr.args:
                keys += keys_of(model, expr.args[0], hole.scope, point.node)
    return keys


def _shape_query_keys(shape: str) -> List[str]:
    """The keys of the query of a URL's shape that the code writes out (``?key=``, not ``?{k}=``)."""
    keys = []
    if "?" in shape:
        for item in shape.split("?", 1)[1].split("#", 1)[0].split("&"):
            key = item.split("=", 1)[0]
            if key and HOLE not in key and "=" in item:
                keys.append(key)
    return keys


def url_path_credentials(model, point) -> List[str]:
    """Names of credential values spliced into the URL path (``/bot{token}/``,
    ``/webhooks/{webhook_id}/{webhook_token}``): the URL itself is the credential."""
    from .vocabulary import is_credential_name

    names: List[str] = []
    for where, hole, _before in _placed_holes(model, point):
        if where in ("path", "base"):
            name = hole_name(hole.expr)
            if name is not None and is_credential_name(name) and name not in names:
                names.append(name)
    return names
