"""The connection inventory: every egress point with its TLS, auth and sensitivity status.

It reads the same model and the same findings as `check`, so the two can never disagree: a row's
codes are exactly the findings reported at its call, and its TLS status is "disabled" when a
TLS-verification finding is reported at the call or on the client it uses, or when the call is a
helper call that passes its request an unverified switch (that finding is reported at the request
inside the helper, naming the call).
"""
from __future__ import annotations

import ast
from typing import Dict, List, Sequence

from .analysis.auth import auth_evidence
from .analysis.sensitivity import credential_fields, credentials_in_url, sensitivity
from .catalogue import RULES
from .config import Settings
from .diagnostics import Diagnostic
from .libraries.spec import CLEARTEXT_SCHEMES

COLUMNS = ("path", "line", "column", "library", "api", "kind", "method", "scheme", "host", "url_path", "tls", "auth",
           "sensitive", "why_sensitive", "codes")
_TLS_CODES = frozenset(rule.code for rule in RULES if rule.weakens_tls)
_CONTEXT_KEYWORDS = ("context", "ssl", "ssl_context", "verify")


def connections(model, diagnostics: Sequence[Diagnostic], settings: Settings, path: str,
                lines: Sequence[str]) -> List[Dict[str, object]]:
    from .analysis.sensitivity import http_method

    by_position: Dict[tuple, List[str]] = {}
    for d in diagnostics:
        by_position.setdefault((d.line, d.col), []).append(d.code)
    by_line: Dict[int, List[str]] = {}
    for d in diagnostics:
        by_line.setdefault(d.line, []).append(d.code)
    rows = []
    for point in model.egress_points():
        node = point.node
        column = _column(lines, node.lineno, node.col_offset)
        codes = sorted(set(by_position.get((node.lineno, column), ())))
        url = model.url(point)
        rows.append({
            "path": path,
            "line": node.lineno,
            "column": column,
            "library": point.api.library,
            "api": point.api.name,
            "kind": point.kind,
            "method": http_method(model, point) or "",
            "scheme": _scheme(model, point, url),
            "host": "local" if url is not None and url.local else (url.host or "dynamic") if url else "dynamic",
            "url_path": url.display_path if url else "",
            "tls": _tls(model, point, url, codes, by_line),
            "auth": _auth(model, point, settings),
            **_sensitive(model, point, settings, url),
            "codes": codes,
        })
        rows += _other_host_rows(model, point, rows[-1], codes)
    rows += _setting_rows(model, by_position, by_line, settings, path, lines)
    return rows


def _scheme(model, point, url) -> str:
    if url is None or not url.scheme:
        return ""
    if point.api.protocol is None:
        return url.scheme
    from .analysis.transport import connection_of

    connection = connection_of(model, point)
    return _connection_scheme(model, connection, url) if connection is not None else url.scheme


def _connection_scheme(model, connection, url) -> str:
    """The scheme a connection uses: a host read under a TLS scheme that the library's default leaves
    unencrypted (an Elasticsearch host without a scheme) shows the cleartext one."""
    from .analysis.transport import CLEARTEXT_STATE, transport
    from .libraries import schemes

    scheme = (url.scheme or "") if url else ""
    entry = schemes.lookup(scheme)
    if entry is not None and entry.transport == schemes.TLS_T and transport(model, connection).state == CLEARTEXT_STATE:
        return schemes.cleartext_twin(scheme) or scheme
    return scheme


def _other_host_rows(model, point, row: Dict[str, object], codes: List[str]) -> List[Dict[str, object]]:
    """One more row for each further host of a connection's host list (``hosts=["https://es1...",
    "http://es2..."]``): the call's row describes the first."""
    if point.api.protocol is None:
        return []
    from .analysis.transport import connection_of

    connection = connection_of(model, point)
    if connection is None or not connection.others:
        return []
    found = []
    for other in connection.others:
        url = other.url
        found.append(dict(row, scheme=_connection_scheme(model, other, url),
                          host=(url.host or "dynamic") if url else "dynamic",
                          url_path="", tls=_connection_tls(model, other, codes)))
    return found


def _setting_rows(model, by_position, by_line, settings: Settings, path: str, lines: Sequence[str]):
    """Connections configured by framework settings (Django DATABASES, Celery broker_url)."""
    from .analysis.transport import connections as all_connections

    rows = []
    for connection in all_connections(model):
        if connection.point is not None:
            continue
        node = connection.node
        column = _column(lines, node.lineno, node.col_offset)
        codes = set(by_position.get((node.lineno, column), ()))
        if connection.tls_node is not None:
            codes |= set(by_line.get(connection.tls_node.lineno, ()))
        url = connection.url
        rows.append({
            "path": path, "line": node.lineno, "column": column, "library": connection.library,
            "api": connection.subject, "kind": "setting", "method": "",
            "scheme": (url.scheme or "") if url else "", "host": (url.host or "dynamic") if url else "dynamic",
            "url_path": "", "tls": _connection_tls(model, connection, sorted(codes)),
            "auth": _connection_auth(model, connection), **_held(connection),
            "codes": sorted(codes),
        })
    return rows


def _connection_tls(model, connection, codes: List[str]) -> str:
    from .analysis.transport import transport

    if any(code in _TLS_CODES for code in codes):
        return "disabled"
    state = transport(model, connection).state
    return {"cleartext": "n.a. (cleartext)", "optional": "optional (may fall back to cleartext)",
            "tls": "verified", "local": "n.a. (local socket)"}.get(state, "unknown")


def _connection_auth(model, connection) -> str:
    from .analysis.transport import credentials

    names = []
    for name, _, _ in credentials(model, connection):
        label = {"a password in the connection string": "url credentials", "api_key": "api-key",
                 "api_key=": "api-key", "access_token": "bearer", "access_token=": "bearer", "token=": "token",
                 "cert_file": "mtls"}.get(name, "metadata" if name.startswith("metadata ") else "password")
        if label not in names:
            names.append(label)
    if names:
        return ", ".join(names)
    return _unseen_credentials(connection) or "none"


def _unseen_credentials(connection) -> str:
    """"dynamic (...)" when the call may carry a credential the code does not show: a password argument
    given a value of the caller's (a parameter whose default is None), or a connection string that is
    not written here (it may hold a user and password). "" when the call shows none of those."""
    from .analysis.transport import CallSource
    from .analysis.values import Const, Text

    source = connection.source
    if not isinstance(source, CallSource):
        return ""
    for arg in connection.api.password:
        expr = source.site.argument(arg)
        if expr is not None and not (isinstance(expr, ast.Constant) and expr.value in (None, "")):
            return f"dynamic ({arg.name}=)"
    if connection.dsn_given and connection.dsn is None:
        return "dynamic (connection string)"
    if connection.api.url is not None and source.site.argument(connection.api.url) is not None:
        url = source.site.value(connection.api.url)
        if not isinstance(url, Text) and not (isinstance(url, Const) and url.value is not None):
            return "dynamic (connection string)"  # a URL the code does not show may hold a user and password
    return ""


def _column(lines: Sequence[str], line: int, byte_col: int) -> int:
    from .engine import _char_column

    return _char_column(lines, line, byte_col) + 1


def _tls(model, point, url, codes: List[str], by_line: Dict[int, List[str]]) -> str:
    if url is not None and url.local:
        return f"n.a. (local: {url.local})"
    if point.api.protocol is not None:  # database, cache and broker connections: the transport decides
        from .analysis.transport import connection_of

        connection = connection_of(model, point)
        if connection is not None:
            return _connection_tls(model, connection, codes)
    if url is not None and url.scheme in CLEARTEXT_SCHEMES:
        return "n.a. (cleartext)"
    if any(code in _TLS_CODES for code in codes) or _forwards_weak_switch(model, point):
        return "disabled"
    statements = _client_statements(model, point.client)
    if any(code in _TLS_CODES for stmt in statements for code in by_line.get(stmt.lineno, ())):
        return "disabled"
    for keyword in point.site.call.keywords:
        if keyword.arg in _CONTEXT_KEYWORDS:
            context = model.client_of(model.resolve(keyword.value, point.site.scope))
            if context is not None and context.type.name == "ssl.SSLContext":
                return "custom context"
    if url is None or url.scheme is None:
        return "unknown"
    return "verified"


def _forwards_weak_switch(model, point) -> bool:
    """A helper call that passes the value its request call takes as a TLS switch (``probe(url, False)``
    with ``def probe(url, verify): return requests.get(url, verify=verify)``). The finding is reported
    at the request call inside the helper, naming this call as where the value comes from; the row of
    this call says what this call passes."""
    from .analysis.tls import turns_off
    from .analysis.wrappers import WrapperPoint

    if type(point) is not WrapperPoint or type(point.inner) is WrapperPoint:
        return False
    inner = point.inner.site
    for switch in point.api.tls:
        if switch.within is not None:
            continue
        entry = inner.entry(switch.arg)
        if entry is None or type(entry[0]) is not ast.Name:
            continue
        bindings = entry[1].lookup(entry[0].id)
        if not bindings or len(bindings) != 1 or bindings[0].kind != "param" or bindings[0].scope is not entry[1]:
            continue  # not the helper's own parameter
        passed = point.passed(entry[0].id)
        if passed is not None and turns_off(model, model.resolve(passed, point.site.scope), switch):
            return True
    return False


def _client_statements(model, client, depth: int = 0) -> list:
    """Where a client is made and configured, and the same for the clients it is made from
    (``ClientSession(connector=TCPConnector(ssl=False))``, ``Client(transport=...)``)."""
    if client is None or depth > 2:
        return []
    # Only this module's statements: the lines are compared with this file's findings. A client made
    # in another module of the project is "disabled" here through the finding at the call itself.
    module = model.index.module
    statements = ([client.origin] if client.scope.module() is module else []) + \
        [config.node for config in client.all_configs() if config.scope.module() is module]
    origin = client.origin
    for keyword in getattr(origin, "keywords", ()):
        part = model.client_of(model.resolve(keyword.value, client.scope))
        if part is not None and part is not client:
            statements += _client_statements(model, part, depth + 1)
    return statements


def _auth(model, point, settings: Settings) -> str:
    if point.api.protocol is not None:
        from .analysis.transport import connection_of

        connection = connection_of(model, point)
        if connection is not None:
            return _connection_auth(model, connection)
    evidence = auth_evidence(model, point, settings["auth-headers"])
    certain = [e for e in evidence if e.is_credential]
    if certain:
        names = []
        for item in certain:
            name = item.mechanism if item.where == "call" else f"{item.mechanism} ({item.where})"
            if name not in names:
                names.append(name)
        return ", ".join(names)
    if credentials_in_url(model, point):
        return "url credentials"
    if point.kind == "request" and credential_fields(model, point):
        return "form credentials"
    return "unknown" if evidence else "none"


def _held(connection) -> Dict[str, str]:
    """Databases, caches, brokers, directories and search indexes carry sensitive data by definition
    (ASVS V9.2.3): the application's records, session tokens, messages, bind passwords."""
    from .analysis.transport import holds

    what = holds(connection) if connection is not None else ""
    if not what:
        return {"sensitive": "n.a.", "why_sensitive": ""}
    return {"sensitive": "yes", "why_sensitive": f"{what} connection"}


def _sensitive(model, point, settings: Settings, url) -> Dict[str, str]:
    if point.api.protocol is not None:  # database, cache, broker and directory connections
        from .analysis.transport import connection_of

        if url is not None and url.local:
            return {"sensitive": "n.a.", "why_sensitive": ""}
        return _held(connection_of(model, point))
    if point.kind != "request" or (url is not None and url.local):
        return {"sensitive": "n.a.", "why_sensitive": ""}
    reasons = sensitivity(model, point, settings["sensitive-keys"], settings["sensitive-paths"])
    return {"sensitive": "yes" if reasons else "no", "why_sensitive": "; ".join(reasons)}
