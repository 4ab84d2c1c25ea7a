"""The URL an egress point talks to, as far as the code shows it.

Literal URLs, f-strings and concatenations with a literal head, ``%`` / ``.format`` templates,
``urljoin(base, ...)``, a client's ``base_url`` (or a connection's host), and Request objects built
first and sent later all lead here. An ``http`` scheme with an unknown host is still plain HTTP.
"""
from __future__ import annotations

import ast
from typing import Optional, Tuple

from ..libraries import REQUEST_OBJECTS
from ..libraries.spec import Api
from .calls import CallSite
from .clients import ClientObject
from .values import HOLE, CallResult, Const, Member, Ref, Text, Value, shape_of

_REQUEST_BUILDERS = ("prepare",)  # req.prepare()
_SESSION_PREPARERS = ("prepare_request", "build_request")  # session.prepare_request(req), client.build_request(...)


class Url:
    __slots__ = ("scheme", "host", "port", "path", "query", "userinfo", "source")

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

    @property
    def display(self) -> str:
        """Scheme, host and path only: no user info and no query, so no secret is ever printed."""
        host = self.host or "<dynamic host>"
        port = f":{self.port}" if self.port else ""
        return f"{self.scheme or '?'}://{host}{port}{self.path or ''}".replace(HOLE, "{…}")

    @property
    def display_path(self) -> str:
        return (self.path or "").replace(HOLE, "{…}")

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
        return Url(self.scheme, self.host, self.port, self.path, self.query, self.userinfo, source)


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


def point_url(model, point) -> Optional[Url]:
    api = point.api
    site: CallSite = point.site
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

    if url is None or url.scheme not in CLEARTEXT_SCHEMES:
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
