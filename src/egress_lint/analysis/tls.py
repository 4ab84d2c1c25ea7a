"""Where a TLS protection is switched off: keywords at calls and attributes set on clients.

Each library table says which keyword or attribute has which effect and which values switch it off;
this module evaluates those switches on the model, and rules pick the effect they report.
"""
from __future__ import annotations

import ast
import re
from typing import Iterator, List, Optional, Tuple

from ..libraries import ssl as ssl_table
from ..libraries import CONFIG_FUNCTIONS
from ..libraries import schemes as scheme_table
from ..libraries.spec import (CERT_NONE, CONTEXT, CONTEXT_VERIFY_MODE, FALSE, GIVEN, HOSTNAME, MISSING, ONE_OF,
                              ONE_OF_EXACT, TRUE, UNVERIFIED_CONTEXT, VERIFY, WEAK_CIPHERS, WEAK_PROTOCOL,
                              WEAK_VERSION, Arg)
from .contexts import is_cert_none, pinned_nodes
from .model import EgressPoint, SemanticModel
from .units import Units
from .values import Const, Ref, Unknown, Value, choose, is_false

_SSL_CONTEXT = "ssl.SSLContext"


class Weakening:
    """One switched-off protection, reported at ``node``."""

    __slots__ = ("node", "subject", "setting", "effect", "point", "config", "value", "written_here", "remedy")

    def __init__(self, node: ast.AST, subject: str, setting: str, effect: str,
                 point: Optional[EgressPoint] = None, config=None, value: Optional[Value] = None,
                 written_here: bool = False, remedy: str = "") -> None:
        self.node = node
        self.subject = subject  # "requests.get()" or "requests.Session.verify"
        self.setting = setting  # "verify=False via SETTINGS, line 16"
        self.effect = effect
        self.point = point
        self.config = config
        self.value = value  # what the keyword or attribute is given
        # The value is written at the reported call or statement, not brought there from elsewhere:
        # only then can a fix change it in place.
        self.written_here = written_here
        # What to use instead, in the library's words (from its table), for the hint; "" keeps the rule's.
        self.remedy = remedy


def describe(value: Optional[Value], name: str, joiner: str = "=", context_reason: str = "") -> str:
    if value is None:
        return f"no {name}"
    if context_reason:
        return f"{name}: {context_reason}"
    if isinstance(value, Const):
        shown = repr(value.value)
    elif isinstance(value, Ref):
        shown = value.qualname
    else:
        shown = "an unverified value"
    text = f"{name}{joiner}{shown}"
    if value.via:
        text += f" via {value.via[0]}"
    return text


def weakenings(model: SemanticModel, effect: str) -> List[Weakening]:
    found: List[Weakening] = Units()
    for point in model.egress_points():
        found.extend(_at_call(model, point, effect))
    for client in model.client_objects():
        attributes = dict(client.type.attributes)
        method_switches = dict(client.type.method_switches)
        if not attributes and not method_switches:
            continue
        if client.type.name == _SSL_CONTEXT and model.context_state(client).server_side:
            continue
        for config in client.configs:
            method_switch = method_switches.get(config.attr) if config.op == "call" and config.key is None else None
            if method_switch is not None and method_switch.selector:
                method_switch = _selected(model, config.node, config.scope, client.type.method_switches,
                                          config.attr, effect)
            if method_switch is not None and method_switch.effect == effect:
                value = _pick(model, model.site(config.node).value(method_switch.arg), method_switch.disabled_by,
                              method_switch.values)
                if switched_off(model, value, method_switch.disabled_by, method_switch.values) is not None:
                    subject = f"{client.type.name}.{config.attr}()"
                    shown = method_switch.arg.name
                    if method_switch.selector:  # setopt(pycurl.SSL_VERIFYPEER, 0): name the option
                        option = model.resolve(config.node.args[0], config.scope)
                        shown = option.qualname.rsplit(".", 1)[1] if isinstance(option, Ref) else shown
                    found.append(Weakening(config.node, subject, describe(value, shown), effect, config=config,
                                           remedy=method_switch.hint))
                continue
            switch = attributes.get(config.attr)
            if switch is None or switch.effect != effect or config.op != "set" or config.key is not None:
                continue
            value = _pick(model, model.resolve(config.value, config.scope), switch.disabled_by, switch.values)
            if switched_off(model, value, switch.disabled_by, switch.values) is not None:
                subject = f"{client.type.name}.{config.attr}"
                found.append(Weakening(config.node, subject, describe(value, config.attr, " = "), effect,
                                       config=config, value=value, written_here=not value.via, remedy=switch.hint))
    found.extend(_config_functions(model, effect))
    if effect == VERIFY:
        found.extend(_adapter_overrides(model))
    found.extend(_settings_weakenings(model, effect))
    if effect in (VERIFY, HOSTNAME, CONTEXT, CONTEXT_VERIFY_MODE) and found:
        pinned = pinned_nodes(model)  # a fingerprint pin written by hand is verification
        if pinned:
            found = [w for w in found if id(w.node) not in pinned]
    found.sort(key=lambda w: (w.node.lineno, w.node.col_offset))
    return found


def _selected(model, call: ast.Call, scope, switches, method: str, effect: str):
    """The switch of ``setopt(NAME, value)`` / ``set_option(NAME, value)`` for the NAME given."""
    if not call.args:
        return None
    option = model.resolve(call.args[0], scope)
    name = option.qualname if isinstance(option, Ref) else None
    for attr, switch in switches:
        if attr == method and switch.effect == effect and name is not None and name in switch.selector:
            return switch
    return None


def _adapter_overrides(model) -> Iterator[Weakening]:
    """A requests transport-adapter subclass whose hooks turn verification off."""
    from ..libraries import requests as requests_table
    from .values import LocalClass

    classes = model.index.classes
    if not classes:
        return
    resolver = model.resolver
    adapters = []
    for node, info in classes.items():
        for base in node.bases:
            value = resolver.resolve(base, info.outer)
            if (isinstance(value, Ref) and value.qualname in requests_table.ADAPTER_CLASSES) or \
                    (isinstance(value, LocalClass) and value.info in adapters):
                adapters.append(info)
                break
    if not adapters:
        return
    hooks = {}
    for info in adapters:
        for item in info.node.body:
            if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and item.name in requests_table.ADAPTER_HOOKS:
                scope = model.index.functions.get(item)
                if scope is not None:
                    hooks[id(scope)] = f"{info.node.name}.{item.name}()"
    if not hooks:
        return
    for stmt, target, value, scope in model.index.subscript_stores:
        subject = hooks.get(id(scope))
        key = target.slice
        if subject is None or not (isinstance(key, ast.Constant) and key.value == "cert_reqs"):
            continue
        assigned = model.resolve(value, scope)
        if is_cert_none(assigned):
            yield Weakening(stmt, subject, describe(assigned, "cert_reqs"), VERIFY)
    verify_args = {name: (keyword, position) for name, keyword, position in requests_table.ADAPTER_VERIFY_ARGS}
    for call, scope in model.index.calls:
        subject = hooks.get(id(scope))
        if subject is None:
            continue
        site = model.site(call)
        cert_reqs = site.value(Arg("cert_reqs"))
        # one stored into the hook's **kwargs is reported at the store (above), not again here
        if cert_reqs is not None and is_cert_none(cert_reqs) and not site.stored("cert_reqs"):
            yield Weakening(call, subject, describe(cert_reqs, "cert_reqs"), VERIFY)
        if site.method in verify_args:
            keyword, position = verify_args[site.method]
            verify = site.value(Arg(keyword, position))
            if verify is not None and is_false(verify):
                yield Weakening(call, subject, describe(verify, keyword), VERIFY)


def _config_functions(model, effect: str) -> Iterator[Weakening]:
    """Process-wide TLS settings made by a module function (``ldap.set_option(...)``)."""
    if not CONFIG_FUNCTIONS:
        return
    for site in model.calls_to(*CONFIG_FUNCTIONS):
        for switch in CONFIG_FUNCTIONS[site.qualname]:
            if switch.effect != effect:
                continue
            if switch.selector:
                option = site.value(Arg("option", 0))
                if not isinstance(option, Ref) or option.qualname not in switch.selector:
                    continue
            value = site.value(switch.arg)
            reason = switched_off(model, value, switch.disabled_by, switch.values)
            if reason is not None and value is None and any(k.arg is None for k in site.call.keywords):
                continue  # a **dict may carry the switch
            if reason is not None:
                shown = option.qualname.rsplit(".", 1)[1] if switch.selector else switch.arg.name
                setting = describe(value, shown, context_reason=reason)
                if value is None and switch.default:
                    setting = f"{switch.arg.name} not set: {switch.default}"
                yield Weakening(site.call, f"{site.qualname}()", setting, effect, remedy=switch.hint)


def _settings_weakenings(model, effect: str) -> Iterator[Weakening]:
    """TLS switches of connections: keywords, dict arguments, connection-string options and settings."""
    from .transport import connections, switch_value, tls_remedy

    for connection in connections(model):
        if connection.point is not None and effect == VERIFY and connection.url is not None \
                and connection.dsn is not None and connection.dsn.form == "url":
            entry = scheme_table.lookup(connection.url.scheme)
            if entry is not None and entry.transport == scheme_table.UNVERIFIED_T:
                yield Weakening(connection.node, connection.subject,
                                f"a {connection.url.scheme}:// URL encrypts without verifying the server", effect,
                                point=connection.point, remedy=tls_remedy(connection))
        if connection.point is not None:
            continue  # switches of calls are read by _at_call
        for switch in connection.api.tls:
            if switch.effect != effect:
                continue
            value = _pick(model, switch_value(model, connection, switch), switch.disabled_by, switch.values)
            if value is None or isinstance(value, Unknown):
                continue
            reason = switched_off(model, value, switch.disabled_by, switch.values)
            if reason is not None:
                yield Weakening(connection.tls_node or connection.node, connection.subject,
                                describe(value, switch.arg.name, context_reason=reason), effect,
                                remedy=switch.hint or tls_remedy(connection))


def _at_call(model: SemanticModel, point: EgressPoint, effect: str) -> Iterator[Weakening]:
    site = point.site
    api = point.api
    if api.server_flag is not None:
        server = site.value(api.server_flag)
        if isinstance(server, Const) and server.value is True:
            return
    if effect in (VERIFY, HOSTNAME) and any(_given(site.value(arg)) for arg in api.pinned_by):
        return  # certificate pinning is verification
    connection = None
    if api.protocol is not None:
        from .transport import TLS_STATE, connection_of, transport

        connection = connection_of(model, point)
        if connection is None:
            return
        api = connection.api
        uses_tls = transport(model, connection).state == TLS_STATE
        if uses_tls:
            from .hosts import policy_for
            from .transport import internal_host

            host = connection.url.host if connection.url is not None else None
            # A default is judged only for a host written in the code that is not local or a service name.
            uses_tls = host is not None and not internal_host(host, policy_for(()))
    for switch in api.tls:
        if switch.effect != effect:
            continue
        if connection is not None:
            from .transport import switch_value

            value = _pick(model, switch_value(model, connection, switch), switch.disabled_by, switch.values)
            if isinstance(value, Unknown):
                continue
        elif switch.within is not None:
            from .transport import dict_key

            value = _pick(model, dict_key(model, site.value(switch.within), switch.arg.name, site.call),
                          switch.disabled_by, switch.values)
        else:
            value = _pick(model, site.value(switch.arg), switch.disabled_by, switch.values)
            if model.context is not None and switched_off(model, value, switch.disabled_by, switch.values) is None:
                value = _from_other_modules(model, site, switch) or value
        reason = switched_off(model, value, switch.disabled_by, switch.values)
        if reason is not None and value is None and connection is not None and not uses_tls:
            continue  # a default about verification matters only on a connection that uses TLS
        if reason is not None and value is None and connection is not None and effect == HOSTNAME and \
                _verification_off(model, connection, api):
            continue  # the host name of a certificate nobody verifies is moot: the EGR101 finding says it
        if reason is not None and value is None and any(k.arg is None for k in site.call.keywords):
            continue  # a **dict may carry the switch (its value can come from a caller): not a known default
        if reason is not None and value is None and connection is not None and \
                connection.point is not None and _tls_set_elsewhere(model, point):
            continue  # app.conf.broker_use_ssl gives this connection its TLS options
        if reason is not None and value is None and point.client is not None and \
                _restored(model, point.client):
            continue  # the same client is told to verify afterwards (conn.client.set_missing_host_key_policy(Reject))
        if reason is not None and value is None and api.upgraded_by:
            from .transport import _upgraded

            if _upgraded(model, api.upgraded_by):
                continue  # the module changes the default itself (a host-key policy set elsewhere)
        if reason is not None:
            written_here = value is not None and not value.via and switch.within is None and switch.removable \
                and any(k.arg == switch.arg.name for k in site.call.keywords)
            setting = describe(value, switch.arg.name, context_reason=reason)
            if value is None and switch.default:
                setting = f"{switch.arg.name} not set: {switch.default}"
            elif switch.within is not None and value is not None and "the connection string" not in value.via:
                from .values import Items

                pairs = isinstance(site.value(switch.within), Items)  # gRPC options: a list of (name, value)
                shown = f"[({switch.arg.name!r}, ...)]" if pairs else f"{{{switch.arg.name!r}: ...}}"
                setting = f"{switch.within.name}={shown}: " + setting
            remedy = switch.hint
            if not remedy and connection is not None:
                from .transport import tls_remedy

                remedy = tls_remedy(connection)
            yield Weakening(site.call, point.subject, setting, effect, point=point, value=value,
                            written_here=written_here, remedy=remedy)
    context = model.context
    if context is not None and point.client is not None and point.kind == "request" \
            and not any(switch.effect == effect and site.value(switch.arg) is not None for switch in api.tls):
        # A client made or configured in another module of the project, known to be weakened there
        # (unless the call passes the switch itself: then the call decides, and is judged above).
        setting = context.foreign_weakening(point.client, effect)
        if setting is not None:
            yield Weakening(site.call, point.subject, setting, effect, point=point)
    if effect == CONTEXT and point.client is not None and point.kind == "request" \
            and point.client.type.name == _SSL_CONTEXT:
        server = site.value(point.api.server_flag) if point.api.server_flag else None
        state = model.context_state(point.client)
        if state.unverified_client and not (isinstance(server, Const) and server.value is True):
            yield Weakening(site.call, point.subject, f"the context {state.reason}", effect, point=point)


def _from_other_modules(model: SemanticModel, site, switch) -> Optional[Value]:
    """A switch whose value is a parameter (without a default) of a function of this module: the
    first argument that calls in other modules of the project pass for it that switches the
    protection off ("verify=False via argument of call(), myapp/jobs.py:40"), or None."""
    entry = site.entry(switch.arg)
    if entry is None or type(entry[0]) is not ast.Name:
        return None
    for value in model.context.arguments_elsewhere(entry[0], entry[1]):
        picked = _pick(model, value, switch.disabled_by, switch.values)
        if switched_off(model, picked, switch.disabled_by, switch.values) is not None:
            return picked
    return None


def _tls_set_elsewhere(model, point) -> bool:
    from .transport import tls_set_elsewhere

    return tls_set_elsewhere(model, point)


def _restored(model, client) -> bool:
    """Whether the code sets, on the client, what its library leaves off by default."""
    wanted = client.type.restored_by
    return bool(wanted) and any(
        config.op == "call" and (config.attr if config.key is None else f"{config.attr}.{config.key}") in wanted
        for config in client.all_configs())


def _verification_off(model, connection, api) -> bool:
    """Whether a certificate-verification switch of the connection is set off in the code."""
    from .transport import switch_value

    for switch in api.tls:
        if switch.effect == VERIFY:
            value = _pick(model, switch_value(model, connection, switch), switch.disabled_by, switch.values)
            if value is not None and not isinstance(value, Unknown) and \
                    switched_off(model, value, switch.disabled_by, switch.values) is not None:
                return True
    return False


def _pick(model: SemanticModel, value: Optional[Value], disabled_by: Tuple[str, ...],
          values: Tuple[object, ...] = ()) -> Optional[Value]:
    """Of several possible values (branches, rebinding, callers), the first that switches the
    protection off and is not chosen by a visible opt-out."""
    return choose(value, lambda v: switched_off(model, v, disabled_by, values) is not None)


def turns_off(model, value: Optional[Value], switch) -> bool:
    """Does ``value`` (or one of its options that no visible opt-out chooses) given for ``switch``
    switch the protection off?"""
    return value is not None and \
        switched_off(model, _pick(model, value, switch.disabled_by, switch.values), switch.disabled_by,
                     switch.values) is not None


def _given(value: Optional[Value]) -> bool:
    return value is not None and not (isinstance(value, Const) and value.value in (None, ""))


def switched_off(model, value: Optional[Value], disabled_by: Tuple[str, ...],
                 values: Tuple[object, ...] = ()) -> Optional[str]:
    """None when the value keeps the protection; otherwise a reason ("" when the value says it all)."""
    for predicate in disabled_by:
        if predicate == MISSING:
            if value is None:
                return ""
        elif value is None or isinstance(value, Unknown):
            continue
        elif predicate == TRUE and isinstance(value, Const) and not isinstance(value.value, str) \
                and value.value is not None and value.value == 1:
            return ""
        elif predicate == ONE_OF and _one_of(value, values):
            return ""
        elif predicate == ONE_OF_EXACT and _one_of(value, values, exact=True):
            return ""
        elif predicate == GIVEN and not (isinstance(value, Const) and value.value is None):
            return ""
        elif predicate == FALSE and is_false(value):
            return ""
        elif predicate == CERT_NONE and is_cert_none(value):
            return ""
        elif predicate == WEAK_PROTOCOL and isinstance(value, Ref) and value.qualname in ssl_table.WEAK_PROTOCOLS:
            return ""
        elif predicate == WEAK_VERSION and isinstance(value, Ref) and value.qualname in ssl_table.WEAK_VERSIONS:
            return ""
        elif predicate == WEAK_CIPHERS and weak_cipher_words(value):
            return ""
        elif predicate == UNVERIFIED_CONTEXT:
            context = model.client_of(value)
            if context is not None and context.type.name == _SSL_CONTEXT:
                state = model.context_state(context)
                if state.unverified_client:
                    return state.reason
    return None


def _one_of(value: Value, values: Tuple[object, ...], exact: bool = False) -> bool:
    if isinstance(value, Ref):
        return value.qualname in values
    if isinstance(value, Const):
        if value.value is None:
            return None in values
        if isinstance(value.value, str):
            if exact:
                return value.value in values
            lowered = value.value.strip().lower()
            return any(isinstance(v, str) and v.lower() == lowered for v in values)
        if isinstance(value.value, bool):
            return value.value in [v for v in values if isinstance(v, bool)]
    return False


def weak_cipher_words(value: Optional[Value]) -> List[str]:
    """The words of an OpenSSL cipher string that enable broken suites (not the excluded ones)."""
    text = value.value if isinstance(value, Const) else None
    if isinstance(text, bytes):
        text = text.decode("latin-1")
    if not isinstance(text, str):
        return []
    found: List[str] = []
    for token in re.split(r"[:,\s]+", text):
        if not token or token[0] in "!-@":
            continue
        for word in re.split(r"[-+]", token.lstrip("+").upper()):
            if word in ssl_table.WEAK_CIPHER_WORDS and word not in found:
                found.append(word)
    return found
