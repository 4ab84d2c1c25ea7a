"""How an egress point authenticates, from the call, the Request object it sends, and its client.

Each piece of evidence says its mechanism, where it was found, and the value (so the hard-coded
credential rule can tell a literal from a variable; no rule ever prints the value).
"""
from __future__ import annotations

import ast
from functools import lru_cache
from typing import FrozenSet, Iterator, List, Optional, Sequence, Tuple

from ..libraries import AUTH_CLASSES
from ..libraries.spec import Arg, Payload
from .clients import ClientObject
from .values import CallResult, Const, DictVal, Items, LocalClass, Ref, Unknown, Value, text_of

# Header-value prefixes that name the scheme.
_SCHEMES = (("bearer ", "bearer"), ("basic ", "basic"), ("token ", "token"), ("digest ", "digest"))
_PROXY_AND_PLAIN_AUTH = ("authorization", "proxy-authorization")


class AuthEvidence:
    __slots__ = ("mechanism", "where", "node", "detail", "value", "certain")

    def __init__(self, mechanism: str, where: str, node: ast.AST, detail: str, value: Optional[Value] = None,
                 certain: bool = True) -> None:
        self.mechanism = mechanism  # basic | digest | bearer | token | api-key | header | cookie | mtls | custom
        #                             | oauth | unknown
        self.where = where  # call | request | client
        self.node = node  # where it is written: the call, or the statement configuring the client
        self.detail = detail  # "auth=", "Authorization header", "cert=" (names only, never values)
        self.value = value
        self.certain = certain  # False when the code does not show whether credentials are sent

    @property
    def is_credential(self) -> bool:
        return self.certain and self.mechanism != "unknown"


def header_mechanism(name: str, value: Optional[Value], auth_headers: Sequence[str]) -> Optional[str]:
    lowered = name.lower()
    if lowered == "cookie":
        return "cookie"
    if lowered not in {h.lower() for h in auth_headers}:
        return None
    if lowered in _PROXY_AND_PLAIN_AUTH:
        head = (text_of(value) or "").lower() if value is not None else ""
        for prefix, mechanism in _SCHEMES:
            if head.startswith(prefix):
                return mechanism
        return "header"
    return "api-key" if "key" in lowered else "token"


def auth_object_mechanism(value: Optional[Value]) -> Optional[str]:
    """What an ``auth=`` value is: None for no auth (``auth=None``)."""
    if value is None or (isinstance(value, Const) and value.value is None):
        return None
    if isinstance(value, Items):
        return "basic"
    if isinstance(value, CallResult):
        callee = value.callee
        if isinstance(callee, Ref) and callee.qualname in AUTH_CLASSES:
            return AUTH_CLASSES[callee.qualname]
        if isinstance(callee, (Ref, LocalClass)):
            return "custom"
    return "unknown"


class _Collector:
    def __init__(self, model, auth_headers: Sequence[str]) -> None:
        self.model = model
        self.auth_headers = auth_headers
        self.found: List[AuthEvidence] = []

    def payload(self, site, payload: Optional[Payload], where: str) -> None:
        if payload is None:
            return
        if payload.auth is not None:
            self.auth_value(site.value(payload.auth), where, site.call, "auth=")
        if payload.headers is not None:
            self.headers(site.value(payload.headers), where, site.call)
        if payload.cookies is not None:
            self.cookies(site.value(payload.cookies), where, site.call)
        if payload.cert is not None:
            value = site.value(payload.cert)
            if value is not None and not (isinstance(value, Const) and value.value is None):
                self.found.append(AuthEvidence("mtls", where, site.call, "cert=", value))

    def auth_value(self, value: Optional[Value], where: str, node: ast.AST, detail: str) -> None:
        mechanism = auth_object_mechanism(value)
        if mechanism is not None:
            self.found.append(AuthEvidence(mechanism, where, node, detail, value, certain=mechanism != "unknown"))

    def headers(self, value: Optional[Value], where: str, node: ast.AST) -> None:
        if value is None or (isinstance(value, Const) and value.value is None):
            return
        if not isinstance(value, DictVal):
            self.found.append(AuthEvidence("unknown", where, node, "headers=", value, certain=False))
            return
        for name, (expr, scope) in self.model.resolver.dict_entries(value, node).items():
            self.header(name, self.model.resolve(expr, scope), where, node)
        if not value.complete:
            self.found.append(AuthEvidence("unknown", where, node, "headers=", value, certain=False))

    def header(self, name: str, value: Optional[Value], where: str, node: ast.AST) -> None:
        mechanism = header_mechanism(name, value, self.auth_headers)
        if mechanism is not None:
            self.found.append(AuthEvidence(mechanism, where, node, f"{name} header", value))

    def cookies(self, value: Optional[Value], where: str, node: ast.AST) -> None:
        if value is None or (isinstance(value, Const) and value.value is None):
            return
        if isinstance(value, DictVal) and not value.entries and value.complete:
            return
        self.found.append(AuthEvidence("cookie", where, node, "cookies=", value, certain=not isinstance(value, Unknown)))

    def client(self, client: Optional[ClientObject]) -> None:
        if client is None:
            return
        if client.type.authenticates:
            self.found.append(AuthEvidence(client.type.authenticates, "client", client.origin, client.type.name))
        if client.constructor is not None and isinstance(client.origin, ast.Call):
            self.payload(self.model.site(client.origin), client.constructor.payload, "client")
        fields = client.type.attribute_payload
        if fields is None:
            return
        for config in client.all_configs():
            if fields.auth is not None and config.attr == fields.auth.name and config.op == "set" \
                    and config.key is None:
                self.auth_value(self.model.resolve(config.value, config.scope), "client", config.node,
                                f"{config.attr} =")
            elif fields.headers is not None and config.attr == fields.headers.name:
                self.client_headers(config)
            elif fields.cert is not None and config.attr == fields.cert.name and config.op == "set":
                self.found.append(AuthEvidence("mtls", "client", config.node, f"{config.attr} =",
                                               self.model.resolve(config.value, config.scope)))
            elif fields.cookies is not None and config.attr == fields.cookies.name:
                self.found.append(AuthEvidence("cookie", "client", config.node, f"{config.attr}", None))

    def client_headers(self, config) -> None:
        model = self.model
        if config.op == "setitem" and config.key is not None:
            self.header(config.key, model.resolve(config.value, config.scope), "client", config.node)
        elif config.op == "set" and config.key is None:
            self.headers(model.resolve(config.value, config.scope), "client", config.node)
        elif config.op == "call" and config.key in ("update", "setdefault", "__setitem__"):
            site = model.site(config.node)
            if config.key == "update":
                for arg in config.node.args:
                    self.headers(model.resolve(arg, config.scope), "client", config.node)
                for keyword in config.node.keywords:
                    if keyword.arg:
                        self.header(keyword.arg, model.resolve(keyword.value, config.scope), "client", config.node)
            elif len(config.node.args) >= 2:
                name = model.resolve(config.node.args[0], config.scope)
                if isinstance(name, Const) and isinstance(name.value, str):
                    self.header(name.value, site.value(Arg("value", 1)), "client", config.node)

    def contexts(self, site) -> None:
        """An SSL context with a client certificate loaded is mutual TLS."""
        for keyword in site.call.keywords:
            if keyword.arg in ("context", "ssl", "ssl_context", "verify"):
                context = self.model.client_of(self.model.resolve(keyword.value, site.scope))
                if context is not None and any(c.op == "call" and c.attr == "load_cert_chain"
                                               for c in context.all_configs()):
                    self.found.append(AuthEvidence("mtls", "call", site.call, f"{keyword.arg}= with load_cert_chain"))


def client_auth_evidence(model, client: ClientObject, auth_headers: Sequence[str]) -> List[AuthEvidence]:
    """What a client object sends with every request, from how it is made and configured."""
    collector = _Collector(model, auth_headers)
    collector.client(client)
    return collector.found


def call_auth_evidence(model, point, auth_headers: Sequence[str]) -> List[AuthEvidence]:
    """What one call sends itself (its arguments and the Request object it sends), not its client."""
    from .urls import request_object

    collector = _Collector(model, auth_headers)
    site = point.site
    collector.payload(site, point.api.payload, "call")
    if point.api.url is not None:
        made = request_object(model, site.value(point.api.url))
        if made is not None:
            result, request_api = made
            collector.payload(model.site(result.call), request_api.payload, "request")
    collector.contexts(site)
    return collector.found


def auth_evidence(model, point, auth_headers: Sequence[str]) -> List[AuthEvidence]:
    """Everything that authenticates one request: the call's own evidence and its client's."""
    found = call_auth_evidence(model, point, auth_headers)
    if point.kind == "request" and point.client is not None:
        found += client_auth_evidence(model, point.client, auth_headers)
    return found


def split_key(key: str) -> Tuple[str, ...]:
    """``cardNumber`` / ``card_number`` / ``card-number`` -> ("card", "number")."""
    import re

    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", key)
    return tuple(part for part in re.split(r"[^A-Za-z0-9]+", spaced.lower()) if part)


@lru_cache(maxsize=8)
def _wanted(sensitive: Tuple[str, ...]) -> FrozenSet[str]:
    # once per setting, not once per key: a 100,000-key dict literal took half a minute
    return frozenset("".join(split_key(entry)) for entry in sensitive)


def is_sensitive_key(key: str, sensitive: Sequence[str]) -> bool:
    words = split_key(key)
    joined = "".join(words)
    wanted = _wanted(tuple(sensitive))
    return joined in wanted or any(word in wanted for word in words)


def sensitive_fields(model, point, sensitive: Sequence[str], include_query: bool = False) -> List[str]:
    """Names of sensitive keys in what the point sends (body, and the query when asked)."""
    from .urls import request_object

    names: List[str] = []
    sites: List[Tuple[object, Optional[Payload]]] = [(point.site, point.api.payload)]
    if point.api.url is not None:
        made = request_object(model, point.site.value(point.api.url))
        if made is not None:
            sites.append((model.site(made[0].call), made[1].payload))
    for site, payload in sites:
        if payload is None:
            continue
        args = list(payload.body) + ([payload.query] if include_query and payload.query else [])
        for arg in args:
            for key in _keys(model, site.value(arg), site.call):
                if is_sensitive_key(key, sensitive) and key not in names:
                    names.append(key)
    return names


def _keys(model, value: Optional[Value], at: ast.AST) -> Iterator[str]:
    if isinstance(value, DictVal):
        yield from model.resolver.dict_entries(value, at)
    elif isinstance(value, Items):
        for item in value.items:  # [("password", pw), ...]
            pair = model.resolve(item, value.scope)
            if isinstance(pair, Items) and pair.items:
                first = model.resolve(pair.items[0], pair.scope)
                if isinstance(first, Const) and isinstance(first.value, str):
                    yield first.value


_SECRET_HEADER_MECHANISMS = ("basic", "bearer", "token", "digest", "header", "api-key")


def literal_credential(model, evidence: AuthEvidence) -> Optional[str]:
    """Where a hard-coded secret in the evidence comes from ("a literal", "a literal via NAME, line N"),
    or None when the secret is not written in the source. Never the value itself."""
    from .values import Const as _Const

    value = evidence.value
    secret: Optional[Value] = None
    if evidence.detail.startswith("auth"):
        if isinstance(value, Items) and len(value.items) >= 2:
            secret = model.resolve(value.items[1], value.scope)
        elif isinstance(value, CallResult) and isinstance(value.callee, Ref) and value.callee.qualname in AUTH_CLASSES:
            secret = model.site(value.call).value(Arg("password", 1))
    elif evidence.detail.endswith("header") and evidence.mechanism in _SECRET_HEADER_MECHANISMS:
        secret = value
    if not isinstance(secret, _Const) or not isinstance(secret.value, (str, bytes)):
        return None
    text = secret.value.decode("latin-1") if isinstance(secret.value, bytes) else secret.value
    for prefix, _ in _SCHEMES:
        if text.lower().startswith(prefix.strip()):
            text = text[len(prefix.strip()):]
            break
    if not text.strip():
        return None
    return f"a literal via {secret.via[0]}" if secret.via else "a literal"
