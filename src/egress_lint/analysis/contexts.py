"""Does an ssl.SSLContext verify the server? Read from how it is made and then configured."""
from __future__ import annotations

import ast
from typing import Optional

from ..libraries import ssl as ssl_table
from ..libraries.spec import Arg
from .clients import ClientObject
from .values import Const, OneOf, Ref, is_false, options, parameter_position, passed_parameter


class ContextState:
    __slots__ = ("verifies", "server_side", "checks_hostname", "reason", "made_unverified")

    def __init__(self) -> None:
        self.verifies: Optional[bool] = None  # None: cannot tell
        self.server_side = False
        self.checks_hostname: Optional[bool] = None
        self.reason = ""  # why it does not verify, for messages
        self.made_unverified = False  # the constructor itself gives an unverified context

    @property
    def unverified_client(self) -> bool:
        return self.verifies is False and not self.server_side


def context_state(context: ClientObject, model) -> ContextState:
    state = ContextState()
    api = context.constructor
    origin = context.origin
    if isinstance(origin, ast.Call) and api is not None:
        site = model.site(origin)
        if api.name == ssl_table.UNVERIFIED_FACTORY:
            state.verifies, state.checks_hostname = False, False
            state.made_unverified = True
            state.reason = f"made by {api.name}() on line {origin.lineno}"
        elif api.name == ssl_table.DEFAULT_FACTORY:
            purpose = site.value(Arg("purpose", 0))
            if isinstance(purpose, Ref) and purpose.qualname in ssl_table.SERVER_PURPOSES:
                state.server_side = True
            elif purpose is None or isinstance(purpose, Ref):
                state.verifies, state.checks_hostname = True, True
        elif api.name == ssl_table.CONTEXT_CLASS:
            protocol = site.value(Arg("protocol", 0))
            if isinstance(protocol, Ref) and protocol.qualname in ssl_table.SERVER_PROTOCOLS:
                state.server_side = True
            elif isinstance(protocol, Ref) and protocol.qualname in ssl_table.CLIENT_PROTOCOLS:
                state.verifies, state.checks_hostname = True, True
            elif protocol is None or isinstance(protocol, Ref):
                state.verifies, state.checks_hostname = False, False
                state.reason = f"ssl.SSLContext() on line {origin.lineno} defaults to CERT_NONE"
    for config in context.all_configs():
        if config.op == "set" and config.key is None and config.attr in ("verify_mode", "check_hostname"):
            value = model.resolve(config.value, config.scope)
            if config.attr == "verify_mode":
                if is_cert_none(value):
                    state.verifies = False
                    state.reason = f"verify_mode = CERT_NONE on line {config.line}"
                elif isinstance(value, Ref) and value.qualname in ssl_table.VERIFYING_MODES:
                    state.verifies = True
                else:
                    state.verifies = None
            elif isinstance(value, Const) and value.value is True:
                state.checks_hostname = True
                state.verifies = True  # Python turns CERT_REQUIRED on with check_hostname
            elif any(is_false(v) for v in options(value)):
                state.checks_hostname = False
        elif config.op == "call" and config.attr == "wrap_socket":
            server = model.site(config.node).value(Arg("server_side", 1))
            if isinstance(server, Const) and server.value is True:
                state.server_side = True
    return state


def is_cert_none(value) -> bool:
    if isinstance(value, OneOf):
        return any(is_cert_none(v) for v in options(value))
    if isinstance(value, Ref):
        return value.qualname == "ssl.CERT_NONE"
    return isinstance(value, Const) and value.value in ("CERT_NONE", "NONE")


# -- certificate pinning written by hand ------------------------------------------------------------------
_WRAPPERS = ("wrap_socket", "wrap_bio")
_CONTEXT_KEYWORDS = ("context", "ssl_context", "ssl")
_COMPARE_OPS = (ast.Eq, ast.NotEq, ast.In, ast.NotIn)
_COMPARE_FUNCTIONS = ("hmac.compare_digest", "secrets.compare_digest")
_TESTS = (ast.If, ast.Assert)


def pinned_nodes(model) -> frozenset:
    """The nodes whose missing certificate verification is made up for by a fingerprint pin written
    by hand: ``cert = tls.getpeercert(binary_form=True)``, a ``hashlib`` digest of it, and that digest
    compared (``==``, ``!=``, ``in``, ``hmac.compare_digest``) in an ``assert`` or the test of an ``if``
    that raises or returns in a branch, all in one function, on the very socket or connection the call made. Returned: the call that
    made that socket or connection (``ctx.wrap_socket(...)``, ``HTTPSConnection(..., context=ctx)``),
    and, when the context is made in that function and used for nothing but pinned connections, the
    context's constructor and its ``verify_mode`` / ``check_hostname`` statements. Anything less
    visible (the check in another function, a context that is also returned or passed on) is not a
    pin here. Computed once per module; free for a module that never calls ``getpeercert``."""
    found = getattr(model, "_pinned_nodes", None)
    if found is None:
        nodes = set()
        for site in model.method_calls("getpeercert"):
            if _binary_form(model, site) and _digest_compared(model, site):
                # the context's configuring statements are attached to it first (a run of only the
                # TLS rules asks for pins before anything else has)
                model.configure_clients()
                scope = _function_of(site.scope)
                nodes |= _pinned_connection(model, scope, site.receiver)
                nodes |= _pinned_by_helper(model, scope, site.receiver)
        found = model._pinned_nodes = frozenset(nodes)
    return found


def _pinned_by_helper(model, scope, receiver) -> set:
    """A helper of the module that is given the socket or connection (``check_pin(tls, pins)``),
    reads its certificate, compares the digest and raises on a mismatch: each call of it that runs
    whenever the function calling it goes on (not under an ``if``; in a ``try`` only when every
    handler raises again) pins the socket or connection it passes, as a check in that function
    would. A helper that only returns a verdict is not a pin (its caller may ignore it)."""
    if type(receiver) is not ast.Name or scope is None or scope.kind != "function":
        return set()
    bindings = scope.bindings.get(receiver.id)
    if not bindings or len(bindings) != 1 or bindings[0].kind != "param" or not _raises(scope.node):
        return set()
    function = scope.node
    position = parameter_position(function, bindings[0].node)
    if position is None:
        return set()
    found = set()
    for call, call_scope, shift in model.resolver.callers(function, scope):
        passed = passed_parameter(call, bindings[0].node, position, shift)
        caller = _function_of(call_scope)
        if isinstance(passed, ast.AST) and caller is not None and caller.kind == "function" \
                and _always_runs(caller.node, call):
            found |= _pinned_connection(model, caller, passed)
    return found


def _raises(function) -> bool:
    """The function raises when the digest does not match: an ``assert``, an ``if`` with a ``raise``
    in a branch, or a ``raise`` as its last statement (``for ...: if match: return`` then ``raise``)."""
    if function.body and isinstance(function.body[-1], ast.Raise):
        return True
    for node in ast.walk(function):
        if isinstance(node, ast.Assert):
            return True
        if isinstance(node, ast.If) and any(isinstance(inner, ast.Raise)
                                            for branch in (node.body, node.orelse)
                                            for statement in branch for inner in ast.walk(statement)):
            return True
    return False


def _always_runs(function, target: ast.AST) -> bool:
    """Is ``target`` (a call, or the pin's test) run whenever the function gets past it: in the
    function's body, a ``with`` block or a loop's body, or a ``try`` block whose every handler raises
    again; not under an ``if`` (a pin checked in some branches only leaves the others unverified)?"""
    def inside(body) -> Optional[bool]:
        for statement in body:
            if statement is target:
                return True
            if not any(node is target for node in ast.walk(statement)):
                continue
            if isinstance(statement, (ast.With, ast.AsyncWith, ast.For, ast.AsyncFor, ast.While)) \
                    and any(node is target for item in statement.body for node in ast.walk(item)):
                return inside(statement.body)  # a loop over the digest algorithms, the pins, ...
            if isinstance(statement, ast.Try):
                if not all(any(isinstance(node, ast.Raise) for node in handler.body)
                           for handler in statement.handlers):
                    return False
                return inside(statement.body)
            return isinstance(statement, (ast.Expr, ast.Assign, ast.Return, ast.AnnAssign))
        return False

    return bool(inside(function.body))


def _binary_form(model, site) -> bool:
    value = site.value(Arg("binary_form", 0))
    return isinstance(value, Const) and value.value is True


def _function_of(scope):
    while scope is not None and scope.kind not in ("function", "module"):
        scope = scope.parent
    return scope


def _single_value(scope, name: str) -> Optional[ast.AST]:
    """What a name of this very function is bound to, when it is bound exactly once (``=`` or ``with ... as``)."""
    bindings = scope.bindings.get(name)
    if not bindings or len(bindings) != 1 or bindings[0].kind not in ("assign", "with"):
        return None
    return bindings[0].value


def _digest_compared(model, site) -> bool:
    """The certificate is hashed with hashlib and the digest compared in a test, in the same function."""
    scope = _function_of(site.scope)
    if scope is None or scope.kind != "function":
        return False
    function = scope.node
    cert_names, digest_names = set(), set()

    def holds(expr, names, extra=None) -> bool:
        for node in ast.walk(expr):
            if node is extra or (isinstance(node, ast.Name) and node.id in names):
                return True
        return False

    def hashes(expr) -> bool:
        for node in ast.walk(expr):
            if isinstance(node, ast.Call) and (model.qualname(node.func, site.scope) or "").startswith("hashlib.") \
                    and any(holds(arg, cert_names, site.call) for arg in node.args):
                return True
            if isinstance(node, ast.Name) and node.id in digest_names:
                return True
        return False

    statements = [node for node in ast.walk(function) if isinstance(node, (ast.Assign, ast.Expr))]
    statements.sort(key=lambda n: (n.lineno, n.col_offset))
    for stmt in statements:
        if isinstance(stmt, ast.Assign):
            if len(stmt.targets) != 1 or not isinstance(stmt.targets[0], ast.Name):
                continue
            name = stmt.targets[0].id
            if _single_value(scope, name) is not stmt.value:
                continue
            if hashes(stmt.value):
                digest_names.add(name)
            elif holds(stmt.value, cert_names, site.call):
                cert_names.add(name)
            elif isinstance(stmt.value, ast.Call) and \
                    (model.qualname(stmt.value.func, site.scope) or "").startswith("hashlib."):
                pending = name  # ``h = hashlib.sha256()`` then ``h.update(cert)``
                for other in statements:
                    call = getattr(other, "value", None)
                    if isinstance(other, ast.Expr) and isinstance(call, ast.Call) \
                            and isinstance(call.func, ast.Attribute) and call.func.attr == "update" \
                            and isinstance(call.func.value, ast.Name) and call.func.value.id == pending \
                            and any(holds(arg, cert_names, site.call) for arg in call.args):
                        digest_names.add(pending)
    for node in ast.walk(function):
        if isinstance(node, _TESTS) and (isinstance(node, ast.Assert) or _enforces(node)) \
                and _always_runs(function, node):
            for part in ast.walk(node.test):
                if isinstance(part, ast.Compare) and all(isinstance(op, _COMPARE_OPS) for op in part.ops) \
                        and any(hashes(side) for side in [part.left, *part.comparators]):
                    return True
                if isinstance(part, ast.Call) and model.qualname(part.func, site.scope) in _COMPARE_FUNCTIONS \
                        and any(hashes(arg) for arg in part.args):
                    return True
    return False


def _enforces(test: ast.If) -> bool:
    """The ``if`` acts on the comparison: a branch raises or returns (a mismatch that is only logged
    is not a pin)."""
    for statement in test.body + test.orelse:
        for node in ast.walk(statement):
            if isinstance(node, (ast.Raise, ast.Return)):
                return True
    return False


def _pinned_connection(model, scope, receiver) -> set:
    """The call that made the socket or connection whose certificate is read (``receiver``, in the
    function ``scope``), and the context it was given when that context serves only pinned
    connections of this function."""
    made = _maker(model, scope, receiver)
    if made is None:
        made, scope = _own_connection(model, scope, receiver)
    if made is None:
        return set()
    found = {id(made)}
    context = None
    if isinstance(made.func, ast.Attribute) and made.func.attr in _WRAPPERS:
        context = made.func.value
    else:
        context = next((k.value for k in made.keywords if k.arg in _CONTEXT_KEYWORDS), None)
    if isinstance(context, ast.Name) and _only_for(scope, context.id, made):
        origin = _single_value(scope, context.id)
        client = model.client_of(model.resolve(context, scope))
        if client is not None and client.origin is origin:
            found.add(id(origin))
            found.update(id(config.node) for config in client.all_configs()
                         if config.attr in ("verify_mode", "check_hostname"))
    return found


def _maker(model, scope, receiver) -> Optional[ast.Call]:
    """The call that made the object whose certificate is read: ``tls`` bound to it in the function,
    ``conn.sock`` of a connection made there, or ``self.sock`` stored in this function."""
    for _ in range(3):
        if isinstance(receiver, ast.Name):
            value = _single_value(scope, receiver.id)
            if isinstance(value, ast.Call):
                return value
            receiver = value if isinstance(value, ast.Attribute) else None
        elif isinstance(receiver, ast.Attribute) and isinstance(receiver.value, ast.Name):
            owner = receiver.value.id
            if owner == scope.self_name:
                stores = [value for _stmt, target, value, store_scope in model.index.attribute_stores
                          if store_scope is scope and isinstance(target.value, ast.Name)
                          and target.value.id == owner and target.attr == receiver.attr]
                return stores[0] if len(stores) == 1 and isinstance(stores[0], ast.Call) else None
            value = _single_value(scope, owner)
            return value if isinstance(value, ast.Call) else None
        else:
            return None
    return None


def _own_connection(model, scope, receiver):
    """A connection class that checks the pin in its own ``connect()`` (``self.sock.getpeercert(...)``
    after ``super().connect()``): the connection is ``self``, given its context by the
    ``super().__init__(..., context=ctx)`` call of the class's ``__init__``. (call, __init__ scope)
    or (None, None)."""
    info = scope.class_info if scope is not None else None
    if info is None or scope.node.name != "connect" or not isinstance(receiver, ast.Attribute) \
            or not isinstance(receiver.value, ast.Name) or receiver.value.id != scope.self_name:
        return None, None
    if not any(isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "connect"
               and _is_super(node.func.value) for node in ast.walk(scope.node)):
        return None, None
    init = next((item for item in info.node.body if isinstance(item, ast.FunctionDef) and item.name == "__init__"),
                None)
    init_scope = model.index.functions.get(init) if init is not None else None
    if init_scope is None:
        return None, None
    for node in ast.walk(init):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "__init__" \
                and _is_super(node.func.value) and any(k.arg in _CONTEXT_KEYWORDS for k in node.keywords):
            return node, init_scope
    return None, None


def _is_super(expr) -> bool:
    return isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name) and expr.func.id == "super"


def _only_for(scope, name: str, made: ast.Call) -> bool:
    """Every use of the context ``name`` in the function configures it or hands it to ``made``."""
    allowed = {id(made.func.value)} if isinstance(made.func, ast.Attribute) else set()
    allowed.update(id(k.value) for k in made.keywords if k.arg in _CONTEXT_KEYWORDS)
    configuring = set()
    for node in ast.walk(scope.node):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == name \
                and node.attr not in _WRAPPERS:
            configuring.add(id(node.value))  # ctx.verify_mode = ..., ctx.load_verify_locations(...)
    for node in ast.walk(scope.node):
        if isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Load) \
                and id(node) not in allowed and id(node) not in configuring:
            return False
    return True
