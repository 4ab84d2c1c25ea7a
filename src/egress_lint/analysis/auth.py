"""How an egress point authenticates, from the call, the Request object it sends, and its client.

Each piece of evidence says its mechanism, where it was found, and the value (so the hard-coded
credential rule can tell a literal from a variable; no rule ever prints the value).
"""
from __future__ import annotations

import ast
from typing import Dict, Iterator, List, Optional, Sequence, Tuple

from ..libraries import AUTH_CLASSES
from ..libraries.spec import Arg, Payload
from .clients import ClientObject
from .vocabulary import is_credential_name, is_secret_literal, is_sensitive_data_name, words
from .values import (HOLE, CallResult, Const, DictVal, Items, LocalClass, LocalFunction, OneOf, Ref, Unknown, Value,
                     options, text_of)

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
    """How a request header authenticates: any header in ``auth-headers`` or whose name is a
    credential name (``X-Postmark-Server-Token``, ``authkey``, ``x-apikey``), and ``Cookie``."""
    lowered = name.lower()
    if lowered == "cookie":
        return "cookie"
    if lowered not in {h.lower() for h in auth_headers} and not is_credential_name(name):
        return None
    if lowered in _PROXY_AND_PLAIN_AUTH:
        head = (text_of(value) or "").lower() if value is not None else ""
        for prefix, mechanism in _SCHEMES:
            if head.startswith(prefix):
                return mechanism
        return "header"
    return "api-key" if words(name) and words(name)[-1] in ("key", "apikey", "authkey") else "token"


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
                # a certificate that only a ``**kwargs`` may carry is not one the code shows
                written = site.argument(payload.cert) is not None
                self.found.append(AuthEvidence("mtls", where, site.call, "cert=", value, certain=written))

    def auth_value(self, value: Optional[Value], where: str, node: ast.AST, detail: str) -> None:
        mechanism = auth_object_mechanism(value)
        if mechanism is not None:
            self.found.append(AuthEvidence(mechanism, where, node, detail, value, certain=mechanism != "unknown"))

    def headers(self, value: Optional[Value], where: str, node: ast.AST) -> None:
        if value is None or (isinstance(value, Const) and value.value is None):
            return
        if isinstance(value, CallResult) and self.returned_headers(value, where, node):
            return
        if not isinstance(value, DictVal):
            self.found.append(AuthEvidence("unknown", where, node, "headers=", value, certain=False))
            return
        for name, (expr, scope) in self.model.resolver.dict_entries(value, node).items():
            self.header(name, self.model.resolve(expr, scope), where, node)
        if not value.complete or opaque_update(self.model, value, node):
            self.found.append(AuthEvidence("unknown", where, node, "headers=", value, certain=False))

    def returned_headers(self, value: CallResult, where: str, node: ast.AST) -> bool:
        """``headers=self._headers()``: the headers a function of the module (or of an imported
        project module) returns, when every ``return`` gives a dict the code shows. False when it
        cannot tell."""
        found = function_of_call(self.model, value.callee, value.call)
        if found is None:
            return False
        owner, scope = found
        returned = [r for r in scope.returns if r.value is not None]
        if not returned or len(returned) > 8:
            return False
        dicts = [(r, owner.resolve(r.value, scope)) for r in returned]
        if not all(isinstance(d, DictVal) for _, d in dicts):
            return False
        for at, made in dicts:
            for name, (expr, entry_scope) in owner.resolver.dict_entries(made, at).items():
                self.header(name, owner.resolve(expr, entry_scope), where, node)
            if not made.complete or opaque_update(owner, made, at):
                self.found.append(AuthEvidence("unknown", where, node, "headers=", made, certain=False))
        return True

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


def opaque_update(model, value: DictVal, at: ast.AST) -> bool:
    """The dict's variable gets entries the code does not show before ``at``: ``d.update(other)`` of
    a dict that is not a literal, ``d.update(**extra)``, or ``d[name] = v`` with a key that is not a
    constant."""
    binding = value.binding
    if binding is None:
        return False
    table = model.__dict__.get("_opaque_updates")
    if table is None:
        table = model._opaque_updates = {}
        for call, scope in model.index.calls:
            func = call.func
            if isinstance(func, ast.Attribute) and func.attr == "update" and isinstance(func.value, ast.Name) \
                    and (any(not isinstance(arg, ast.Dict) for arg in call.args)
                         or any(k.arg is None for k in call.keywords)):
                variable = scope.lookup(func.value.id)
                if variable is not None:
                    table.setdefault(id(variable), []).append(call.lineno)
        for stmt, target, _value, scope in model.index.subscript_stores:
            if isinstance(target.value, ast.Name) and not isinstance(target.slice, ast.Constant):
                variable = scope.lookup(target.value.id)
                if variable is not None:
                    table.setdefault(id(variable), []).append(stmt.lineno)
    lines = table.get(id(binding.scope.bindings.get(binding.name)), ())
    end = getattr(at, "lineno", 0)
    return any(binding.line <= line <= end for line in lines)


def client_auth_evidence(model, client: ClientObject, auth_headers: Sequence[str]) -> List[AuthEvidence]:
    """What a client object sends with every request, from how it is made and configured."""
    collector = _Collector(model, auth_headers)
    collector.client(client)
    return collector.found


def call_auth_evidence(model, point, auth_headers: Sequence[str]) -> List[AuthEvidence]:
    """What one call sends itself (its arguments and the Request object it sends), not its client:
    ``auth=``, credential headers, cookies, client certificates, and credentials in the body, the
    query string or the URL itself."""
    key = ("call-auth", id(point), tuple(auth_headers))
    return list(_memo(model, key, lambda: _call_auth_evidence(model, point, auth_headers)))


def _call_auth_evidence(model, point, auth_headers: Sequence[str]) -> List[AuthEvidence]:
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
    if point.kind == "request":
        collector.found += url_and_body_evidence(model, point)
    return collector.found


def url_and_body_evidence(model, point) -> List[AuthEvidence]:
    """Credentials a request carries in its URL (user info, query keys, ``;key=`` parameters, a
    credential spliced into the path) or in its body (credential-named fields)."""
    return list(_memo(model, ("url-body", id(point)), lambda: _url_and_body_evidence(model, point)))


def _url_and_body_evidence(model, point) -> List[AuthEvidence]:
    from .urls import url_path_credentials

    found: List[AuthEvidence] = []
    node = point.node
    for where, name, value in body_entries(model, point):
        if is_credential_name(name):
            found.append(AuthEvidence("body", "call", node, f"{name} field", value))
    own = set(query_keys(model, point, constructor=False))
    if not own and _opaque_query(model, point):
        # params= from a function whose result the code does not show: it may carry the key
        found.append(AuthEvidence("unknown", "call", node, "params=", certain=False))
    for name in credential_query_keys(model, point):
        # params= given to the client's constructor are reported once, where the client is made
        found.append(AuthEvidence("query", "call" if name in own else "client", node, f"{name} query key"))
    url = model.url(point)
    if url is not None:
        if url.userinfo is not None and (":" in url.userinfo or HOLE in url.userinfo):
            found.append(AuthEvidence("userinfo", "call", node, "user info"))
        for name in url.matrix_keys:
            if is_credential_name(name):
                found.append(AuthEvidence("query", "call", node, f"{name} path parameter"))
    for name in url_path_credentials(model, point):
        found.append(AuthEvidence("url-path", "call", node, f"{name} in the URL path"))
    return found


def _opaque_query(model, point) -> bool:
    """The query is the result of a call the code does not show (``params=self.sign(q)``)."""
    for site, payload in payload_sites(model, point):
        if payload is None or payload.query is None:
            continue
        found = _arg_expr(site, payload.query)
        if found is None:
            continue
        value = model.resolve(found[0], found[1])
        if isinstance(value, CallResult) and not (isinstance(value.callee, Ref)
                                                  and value.callee.qualname in _SERIALISERS):
            return True
    return False


def body_entries(model, point) -> Iterator[Tuple[str, str, Optional[Value]]]:
    """(where, key, value or None) for every key of the body; the value only for a dict literal's
    own entries."""
    seen: Dict[str, None] = {}
    for site, payload in payload_sites(model, point):
        if payload is None:
            continue
        for arg in payload.body:
            found = _arg_expr(site, arg)
            if found is None:
                continue
            value = model.resolve(found[0], found[1])
            literal = model.resolver.dict_entries(value, site.call) if isinstance(value, DictVal) else {}
            for key in keys_of(model, found[0], found[1], site.call):
                if key in seen:
                    continue
                seen[key] = None
                entry = literal.get(key)
                yield "body", key, (model.resolve(entry[0], entry[1]) if entry is not None else None)


def auth_evidence(model, point, auth_headers: Sequence[str]) -> List[AuthEvidence]:
    """Everything that authenticates one request: the call's own evidence and its client's."""
    found = call_auth_evidence(model, point, auth_headers)
    if point.kind == "request" and point.client is not None:
        found += client_auth_evidence(model, point.client, auth_headers)
    return found


def _memo(model, key, compute):
    """One answer per model and question: several rules and the inventory ask about the same point."""
    memo = model.__dict__.setdefault("_credential_memo", {})
    found = memo.get(key)
    if found is None:
        found = memo[key] = compute()
    return found


def split_key(key: str) -> Tuple[str, ...]:
    """``cardNumber`` / ``card_number`` / ``card-number`` -> ("card", "number")."""
    return words(key)


def is_sensitive_key(key: str, sensitive: Sequence[str]) -> bool:
    """A key is sensitive when it is a credential, or names sensitive data (one of its words, or a
    run of them, spells a vocabulary entry or a ``sensitive-keys`` entry). Linear in the words."""
    return is_credential_name(key) or is_sensitive_data_name(key, sensitive)


def _arg_expr(site, arg: Optional[Arg]) -> Optional[Tuple[ast.AST, object]]:
    """The expression passed for ``arg`` at a call and the scope to read it in."""
    if arg is None:
        return None
    found = site._keywords.get(arg.name)
    if found is None and arg.pos is not None and arg.pos < len(site._positional):
        found = site._positional[arg.pos]
    return (found[0], found[1]) if found is not None else None


def payload_sites(model, point) -> List[Tuple[object, Optional[Payload]]]:
    """The call and, when it sends a Request object, the Request's constructor call."""
    from .urls import request_object

    sites: List[Tuple[object, Optional[Payload]]] = [(point.site, point.api.payload)]
    if point.api.url is not None:
        made = request_object(model, point.site.value(point.api.url))
        if made is not None:
            sites.append((model.site(made[0].call), made[1].payload))
    return sites


def body_keys(model, point) -> List[str]:
    """Every key the request sends in its body, as far as the code shows it."""
    return list(_memo(model, ("body", id(point)), lambda: _body_keys(model, point)))


def _body_keys(model, point) -> List[str]:
    names: Dict[str, None] = {}
    for site, payload in payload_sites(model, point):
        if payload is None:
            continue
        for arg in payload.body:
            found = _arg_expr(site, arg)
            if found is not None:
                names.update(dict.fromkeys(keys_of(model, found[0], found[1], site.call)))
    return list(names)


def query_keys(model, point, constructor: bool = True) -> List[str]:
    """Every key the request sends in its query string: the URL's own, ``params=``, the client's
    ``params``, and a ``urlencode({...})`` written into the URL."""
    return list(_memo(model, ("query", id(point), constructor), lambda: _query_keys(model, point, constructor)))


def _query_keys(model, point, constructor: bool) -> List[str]:
    from .urls import url_query_keys

    names: Dict[str, None] = {}
    url = model.url(point)
    if url is not None:
        names.update(dict.fromkeys(url.query_keys))
    names.update(dict.fromkeys(url_query_keys(model, point)))
    for site, payload in payload_sites(model, point):
        if payload is None or payload.query is None:
            continue
        found = _arg_expr(site, payload.query)
        if found is not None:
            names.update(dict.fromkeys(keys_of(model, found[0], found[1], site.call)))
    client = point.client if point.kind == "request" else None
    if client is not None and client.type.attribute_payload is not None \
            and client.type.attribute_payload.query is not None:
        attr = client.type.attribute_payload.query.name
        for config in client.all_configs():
            if config.attr != attr:
                continue
            if config.op == "setitem" and config.key is not None:
                names[config.key] = None
            elif config.op == "set" and config.key is None:
                names.update(dict.fromkeys(keys_of(model, config.value, config.scope, config.node)))
            elif config.op == "call" and config.key == "update":
                for arg in config.node.args:
                    names.update(dict.fromkeys(keys_of(model, arg, config.scope, config.node)))
                names.update(dict.fromkeys(k.arg for k in config.node.keywords if k.arg))
        if constructor and client.constructor is not None and client.constructor.payload is not None \
                and client.constructor.payload.query is not None and isinstance(client.origin, ast.Call):
            site = model.site(client.origin)
            found = _arg_expr(site, client.constructor.payload.query)
            if found is not None:
                names.update(dict.fromkeys(keys_of(model, found[0], found[1], site.call)))
    return list(names)


_SERIALISERS = ("json.dumps", "urllib.parse.urlencode", "urllib.urlencode", "builtins.dict", "simplejson.dumps",
                "ujson.dumps", "orjson.dumps")


def keys_of(model, expr: Optional[ast.AST], scope, at: ast.AST, depth: int = 0) -> List[str]:
    """The constant keys of a dict (or list of pairs) an expression evaluates to: a literal,
    ``dict(...)``, ``base.copy()``, ``json.dumps(d)`` / ``urlencode(d)`` of one, and the keys
    stored into the variable (``d["k"] = v``, ``d.update(k=v)``) before ``at``. Linear in the
    number of keys."""
    if expr is None or depth > 6:
        return []
    found: Dict[str, None] = {}
    value = model.resolve(expr, scope)
    found.update(dict.fromkeys(_value_keys(model, value, at, depth)))
    if isinstance(expr, ast.Name):
        found.update(dict.fromkeys(_stored_keys(model, expr.id, scope, at)))
        bindings = scope.lookup(expr.id)
        if bindings and len(bindings) == 1 and bindings[0].kind == "assign" and bindings[0].value is not None \
                and not isinstance(value, DictVal):
            found.update(dict.fromkeys(keys_of(model, bindings[0].value, bindings[0].scope, at, depth + 1)))
    return list(found)


def _value_keys(model, value: Optional[Value], at: ast.AST, depth: int) -> Iterator[str]:
    if isinstance(value, OneOf):  # several possible dicts (branches): the keys any of them sends
        for option in options(value):
            yield from _value_keys(model, option, at, depth + 1)
    elif isinstance(value, DictVal):
        yield from model.resolver.dict_entries(value, at)
    elif isinstance(value, Items):
        for item in value.items:  # [("password", pw), ...]
            pair = model.resolve(item, value.scope)
            if isinstance(pair, Items) and pair.items:
                first = model.resolve(pair.items[0], pair.scope)
                if isinstance(first, Const) and isinstance(first.value, str):
                    yield first.value
    elif isinstance(value, CallResult):
        call = value.call
        callee = value.callee
        if isinstance(callee, LocalFunction) or (isinstance(callee, Unknown) and isinstance(call.func, ast.Name)):
            yield from _returned_keys(model, callee, call, depth)
        elif isinstance(callee, Ref) and callee.qualname in _SERIALISERS and call.args:
            yield from keys_of(model, call.args[0], value.scope, at, depth + 1)
        elif isinstance(call.func, ast.Attribute) and (call.func.attr == "encode"
                                                       or (call.func.attr == "copy" and not call.args)):
            yield from keys_of(model, call.func.value, value.scope, at, depth + 1)
        elif isinstance(callee, Ref) and callee.qualname in ("copy.copy", "copy.deepcopy") and call.args:
            yield from keys_of(model, call.args[0], value.scope, at, depth + 1)


def _returned_keys(model, callee: Value, call: ast.Call, depth: int) -> Iterator[str]:
    """The keys of the dicts a function of the module or of the project returns
    (``params=signed_query(page=2)`` where ``signed_query`` builds ``{"api_key": KEY, ...}``), read
    in the model of the module that defines it."""
    found = function_of_call(model, callee, call)
    if found is None:
        return
    owner, scope = found
    for returned in scope.returns[:8]:
        if returned.value is not None:
            yield from keys_of(owner, returned.value, scope, returned, depth + 1)


def function_of_call(model, callee: Value, call: ast.Call):
    """(model of the module that defines it, function scope) of the function a call runs: one of the
    module, or a module-level function imported from a module of the project; None otherwise."""
    from .project import imported_function

    if isinstance(callee, LocalFunction):
        owner = model
        context = model.context
        if context is not None and callee.scope.module() is not model.index.module:
            entry = context.project.owner(callee.scope.module())
            owner = entry.model_if_loaded if entry is not None else None
        found = (owner, callee.scope) if owner is not None else None
    elif isinstance(callee, Unknown) and isinstance(call.func, ast.Name):
        found = imported_function(model.context, call.func.id)
    else:
        found = None
    return found if found is not None and found[1].kind == "function" else None


def _stored_keys(model, name: str, scope, at: ast.AST) -> Iterator[str]:
    """Keys stored into the variable ``name`` (item stores and ``update``) before ``at``."""
    variable = scope.lookup(name)
    if variable is None:
        return
    line = getattr(at, "lineno", 0)
    column = getattr(at, "col_offset", 0)
    for stored_line, key, node, _scope in model.resolver._mutations().get(id(variable), ()):
        if stored_line < line or (stored_line == line and getattr(node, "lineno", 0) == line
                                  and getattr(node, "end_col_offset", column) < column):
            yield key  # before the use, also earlier on the same line (``d["k"] = v; send(d)``)


def sensitive_fields(model, point, sensitive: Sequence[str], include_query: bool = False) -> List[str]:
    """Names of sensitive keys in what the point sends (body, and the query when asked): credentials
    and sensitive data."""
    keys = body_keys(model, point) + (query_keys(model, point) if include_query else [])
    return [key for key in dict.fromkeys(keys) if is_sensitive_key(key, sensitive)]


def sensitive_data_fields(model, point, sensitive: Sequence[str]) -> List[str]:
    """Keys of sensitive data (not credentials) the request sends in its body or query."""
    keys = body_keys(model, point) + query_keys(model, point)
    return [key for key in dict.fromkeys(keys) if not is_credential_name(key)
            and (is_sensitive_data_name(key, sensitive))]


def credential_body_fields(model, point, extra: Sequence[str] = ()) -> List[str]:
    """Body keys that carry a credential (``{"api_key": ...}``, a login form's ``password``)."""
    return [key for key in body_keys(model, point) if is_credential_name(key, extra)]


def credential_query_keys(model, point, extra: Sequence[str] = ()) -> List[str]:
    return [key for key in query_keys(model, point) if is_credential_name(key, extra)]


_SECRET_HEADER_MECHANISMS = ("basic", "bearer", "token", "digest", "header", "api-key")


def literal_credential(model, evidence: AuthEvidence) -> Optional[str]:
    """Where a hard-coded secret in the evidence comes from ("a literal", "a literal via NAME, line N"),
    or None when the secret is not written in the source, or what is written is not a secret (a
    placeholder such as ``<token>`` or ``changeme``, a URI, a bare scheme name such as ``Negotiate``,
    or — for a header or field picked out by its name alone — a plain word such as ``no-check``).
    Never the value itself."""
    value = evidence.value
    secret: Optional[Value] = None
    strict = True
    if evidence.detail.startswith("auth"):
        strict = False
        if isinstance(value, Items) and len(value.items) >= 2:
            secret = model.resolve(value.items[1], value.scope)
        elif isinstance(value, CallResult) and isinstance(value.callee, Ref) and value.callee.qualname in AUTH_CLASSES:
            secret = model.site(value.call).value(Arg("password", 1))
    elif evidence.detail.endswith("header") and evidence.mechanism in _SECRET_HEADER_MECHANISMS:
        secret = value
    elif evidence.mechanism == "body" and evidence.detail.endswith("field"):
        secret = value
    if not isinstance(secret, Const) or not isinstance(secret.value, (str, bytes)):
        return None
    text = secret.value.decode("latin-1") if isinstance(secret.value, bytes) else secret.value
    for prefix, _ in _SCHEMES:
        if text.lower().startswith(prefix):
            text = text[len(prefix):]
            strict = False  # "Bearer abc...": a scheme and its credential
            break
    if not is_secret_literal(text, strict=strict):
        return None
    return f"a literal via {secret.via[0]}" if secret.via else "a literal"
