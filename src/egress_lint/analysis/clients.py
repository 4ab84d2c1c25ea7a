"""Client objects: sessions, clients, pools, SSL contexts and SSH clients, and what configures them."""
from __future__ import annotations

import ast
from typing import Dict, List, Optional

from ..libraries import CLIENT_TYPES, CONSTRUCTORS
from ..libraries.spec import Api, ClientType
from .scopes import ClassInfo, Scope
from .project import NOT_FOREIGN, client_of, foreign_class_object
from .units import Units
from .values import CallResult, LocalClass, LocalFunction, OneOf, Ref, Resolver, SelfRef, Value

_MAY_BE_CLIENT = frozenset({CallResult, SelfRef, OneOf})


class ClientConfig:
    """A statement that configures a client after it is made.

    ``s.verify = False`` -> attr "verify", op "set"; ``s.headers["X"] = v`` -> attr "headers",
    key "X", op "setitem"; ``s.headers.update(...)`` -> attr "headers", key "update", op "call";
    ``ctx.load_cert_chain(...)`` -> attr "load_cert_chain", op "call".
    """

    __slots__ = ("client", "attr", "key", "op", "node", "value", "scope")

    def __init__(self, client: "ClientObject", attr: str, key: Optional[str], op: str, node: ast.AST,
                 value: Optional[ast.AST], scope: Scope) -> None:
        self.client = client
        self.attr = attr
        self.key = key
        self.op = op
        self.node = node  # the statement (set, setitem) or the call (call)
        self.value = value  # the value assigned, or the call
        self.scope = scope

    @property
    def line(self) -> int:
        return self.node.lineno


class ClientObject:
    """One client: made by a constructor call, or the ``self`` of a subclass of a client class."""

    __slots__ = ("type", "origin", "scope", "constructor", "configs", "base")

    def __init__(self, client_type: ClientType, origin: ast.AST, scope: Scope, constructor: Optional[Api],
                 base: Optional["ClientObject"] = None) -> None:
        self.type = client_type
        self.origin = origin
        self.scope = scope
        self.constructor = constructor
        self.configs: List[ClientConfig] = Units()
        self.base = base  # for an instance of a local subclass: the class-level object

    @property
    def line(self) -> int:
        return self.origin.lineno

    def all_configs(self) -> List[ClientConfig]:
        configs = list(self.base.all_configs()) if self.base is not None else []
        return Units(sorted(configs + self.configs, key=lambda c: (c.node.lineno, c.node.col_offset)))


class Clients:
    """Finds the client object an expression refers to, and collects every configuration of it."""

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self._objects: Dict[int, ClientObject] = {}
        self._class_types: Dict[int, Optional[ClientType]] = {}
        self._factories: Dict[int, Optional[ClientObject]] = {}

    def objects(self) -> List[ClientObject]:
        return list(self._objects.values())

    def release(self) -> None:
        """Break the cycle between each client and its configurations (each names its client) once
        nothing reads the model: left to the collector, each one keeps the statements and scopes it
        names alive until a full collection."""
        for found in list(self._objects.values()) + list(self._factories.values()):
            if found is not None:
                found.configs = Units()
                found.base = None

    def of(self, value: Optional[Value], depth: int = 0) -> Optional[ClientObject]:
        # Only a call's result, ``self`` or several values can be a client: asked of every call and
        # receiver of a module, the others leave here.
        if type(value) not in _MAY_BE_CLIENT or depth > 8:
            return None
        if self.resolver.foreign:  # a value from another module of the project: its module's object
            found = client_of(self.resolver, self, value, depth)
            if found is not NOT_FOREIGN:
                return found
        if isinstance(value, CallResult):
            callee = value.callee
            if isinstance(callee, Ref):
                api = CONSTRUCTORS.get(callee.qualname)
                if api is not None and api.makes:
                    return self._made(value.call, value.scope, CLIENT_TYPES[api.makes], api)
                return None
            if isinstance(callee, LocalClass):
                client_type = self.class_type(callee.info)
                if client_type is None:
                    return None
                base = self._class_object(callee.info, client_type)
                return self._made(value.call, value.scope, client_type, self._constructor_of(client_type), base)
            if isinstance(callee, LocalFunction):
                return self._factory(callee, depth)
            return None
        if isinstance(value, SelfRef):
            client_type = self.class_type(value.info)
            return self._class_object(value.info, client_type) if client_type else None
        if isinstance(value, OneOf):
            # Several objects may reach (branches, rebinding): known when all are clients of one type;
            # the first stands for them (its configuration is where later statements attach).
            found = [self.of(option, depth + 1) for option in value.options]
            if found and all(c is not None and c.type is found[0].type for c in found):
                return found[0]
            return None
        return None

    def of_expr(self, expr: Optional[ast.AST], scope: Scope) -> Optional[ClientObject]:
        return None if expr is None else self.of(self.resolver.resolve(expr, scope))

    def class_type(self, info: ClassInfo, depth: int = 0) -> Optional[ClientType]:
        """The client type a class defined here extends (``class S(requests.Session)``)."""
        key = id(info.node)
        if key in self._class_types:
            return self._class_types[key]
        self._class_types[key] = None  # guards against cycles
        found = None
        for base in info.node.bases:
            value = self.resolver.resolve(base, info.outer)
            if isinstance(value, Ref):
                api = CONSTRUCTORS.get(value.qualname)
                client_type = CLIENT_TYPES.get(api.makes) if api and api.makes else CLIENT_TYPES.get(value.qualname)
            elif isinstance(value, LocalClass) and depth < 8:
                client_type = self.class_type(value.info, depth + 1)
            else:
                client_type = None
            if client_type is not None:
                found = client_type
                break
        self._class_types[key] = found
        return found

    def _made(self, call: ast.AST, scope: Scope, client_type: ClientType, api: Optional[Api],
              base: Optional[ClientObject] = None) -> ClientObject:
        key = id(call)
        found = self._objects.get(key)
        if found is None:
            found = ClientObject(client_type, call, scope, api, base)
            self._objects[key] = found
        return found

    def _class_object(self, info: ClassInfo, client_type: ClientType) -> ClientObject:
        found = self._objects.get(id(info.node))
        if found is not None:
            return found
        base = None
        if self.resolver.foreign:  # a subclass of a client class of another module: that class's object
            base = foreign_class_object(self, info)
        return self._made(info.node, info.scope, client_type, self._constructor_of(client_type), base)

    @staticmethod
    def _constructor_of(client_type: ClientType) -> Optional[Api]:
        for api in CONSTRUCTORS.values():
            if api.makes == client_type.name:
                return api
        return None

    def _factory(self, function: LocalFunction, depth: int) -> Optional[ClientObject]:
        """A function in this module that returns one client object."""
        key = id(function.node)
        if key in self._factories:
            return self._factories[key]
        self._factories[key] = None
        found: Optional[ClientObject] = None
        for ret in function.scope.returns:
            client = self.of(self.resolver.resolve(ret.value, function.scope), depth + 1)
            if client is None or (found is not None and client is not found):
                found = None
                break
            found = client
        self._factories[key] = found
        return found

    def collect_configs(self, index) -> None:
        """Attach every configuring statement in the module to the client it configures."""
        resolve = self.resolver.resolve
        for stmt, target, value, scope in index.attribute_stores:
            base = target.value
            client = self.of(resolve(base, scope))
            if client is not None:
                client.configs.append(ClientConfig(client, target.attr, None, "set", stmt, value, scope))
            elif isinstance(base, ast.Attribute):
                client = self.of(resolve(base.value, scope))
                if client is not None:
                    client.configs.append(ClientConfig(client, base.attr, target.attr, "set", stmt, value, scope))
        for stmt, target, value, scope in index.subscript_stores:
            container = target.value
            if isinstance(container, ast.Attribute):
                client = self.of(resolve(container.value, scope))
                if client is not None:
                    key = resolve(target.slice, scope)
                    name = key.value if hasattr(key, "value") and isinstance(key.value, str) else None
                    client.configs.append(ClientConfig(client, container.attr, name, "setitem", stmt, value, scope))
        for call, scope in index.calls:
            func = call.func
            if not isinstance(func, ast.Attribute):
                continue
            receiver = func.value
            client = self.of(resolve(receiver, scope))
            if client is not None:
                client.configs.append(ClientConfig(client, func.attr, None, "call", call, call, scope))
            elif isinstance(receiver, ast.Attribute):
                client = self.of(resolve(receiver.value, scope))
                if client is not None:
                    client.configs.append(ClientConfig(client, receiver.attr, func.attr, "call", call, call, scope))
