"""The semantic model of one module: the single object every rule queries.

Built once per file from the ``ast`` tree; everything else is computed lazily and cached, so a rule
that asks for nothing costs nothing.
"""
from __future__ import annotations

import ast
from typing import Dict, Iterable, List, Optional

from ..libraries import FUNCTIONS
from ..libraries.spec import Api
from .calls import CallSite
from .clients import ClientObject, Clients
from .scopes import Scope, build_index
from .units import Units
from .values import Member, Resolver, Value


class EgressPoint:
    """A call that sends a request, opens a connection, or makes a client that will."""

    __slots__ = ("site", "api", "client", "kind")

    def __init__(self, site: CallSite, api: Api, client: Optional[ClientObject], kind: str) -> None:
        self.site = site
        self.api = api
        self.client = client  # the client used (kind "request") or made (kind "client")
        self.kind = kind  # "request" | "client"

    @property
    def node(self) -> ast.Call:
        return self.site.call

    @property
    def line(self) -> int:
        return self.site.call.lineno

    @property
    def subject(self) -> str:
        return f"{self.api.name}()"


class SemanticModel:
    def __init__(self, tree: ast.Module, context=None) -> None:
        self.tree = tree
        self.context = context  # the module's entry in the project (analysis/project.py), when it has a file
        self.index = build_index(tree)
        if context is not None:  # values of other modules of the project reach this module's code
            from .project import ProjectTable

            self.index.functions = ProjectTable(self.index.functions, context.project, "functions")
            self.index.classes = ProjectTable(self.index.classes, context.project, "classes")
        self.resolver = Resolver(self.index, context)
        self.clients = Clients(self.resolver)
        self._sites: Optional[List[CallSite]] = None
        self._site_by_call: Optional[Dict[int, CallSite]] = None
        self._urls: Dict[int, object] = {}
        self._by_qualname: Optional[Dict[str, List[CallSite]]] = None
        self._by_method: Optional[Dict[str, List[CallSite]]] = None
        self._egress: Optional[List[EgressPoint]] = None
        self._contexts: Dict[int, object] = {}
        self._forwarded_urls: set = set()  # inner points of helpers whose URL is a parameter
        self._helpers: Dict[int, object] = {}  # function -> what it forwards to a request (wrappers.helper_of)
        self._configured = False
        self._call_scopes: Optional[Dict[int, Scope]] = None
        self._single_sites: Dict[int, CallSite] = {}
        self._calls_by_scope: Optional[Dict[int, List[ast.Call]]] = None

    # -- values and names ---------------------------------------------------------------------
    def resolve(self, expr: Optional[ast.AST], scope: Scope) -> Value:
        return self.resolver.resolve(expr, scope)

    def qualname(self, expr: ast.AST, scope: Scope) -> Optional[str]:
        return self.resolver.qualname(expr, scope)

    # -- calls --------------------------------------------------------------------------------
    def sites(self) -> List[CallSite]:
        if self._sites is None:
            resolver = self.resolver
            made = self._single_sites
            self._sites = Units(made.get(id(call)) or CallSite(call, scope, resolver) for call, scope in self.index.calls)
        return self._sites

    def site(self, call: ast.Call) -> CallSite:
        found = self.own_site(call)
        if found is None and self.context is not None:
            found = self.context.project.site_of(call)  # a call of another module: a client made there
        if found is None:
            raise KeyError(id(call))
        return found

    def own_site(self, call: ast.AST) -> Optional[CallSite]:
        if self._site_by_call is None:
            if self._sites is None:
                # One site asked for (a client this module made, used by another module): build that
                # one, not every site of the module.
                if self._call_scopes is None:
                    self._call_scopes = {id(c): s for c, s in self.index.calls}
                scope = self._call_scopes.get(id(call))
                if scope is None:
                    return None
                found = self._single_sites.get(id(call))
                if found is None:
                    found = self._single_sites[id(call)] = CallSite(call, scope, self.resolver)
                return found
            self._site_by_call = {id(site.call): site for site in self.sites()}
        return self._site_by_call.get(id(call))

    def calls_in(self, scope: Scope) -> List[ast.Call]:
        """The calls whose scope is ``scope`` (indexed once)."""
        table = self._calls_by_scope
        if table is None:
            table = self._calls_by_scope = {}
            for call, call_scope in self.index.calls:
                table.setdefault(id(call_scope), []).append(call)
        return table.get(id(scope), ())

    def calls_to(self, *qualnames: str) -> Iterable[CallSite]:
        if self._by_qualname is None:
            table: Dict[str, List[CallSite]] = {}
            for site in self.sites():
                name = site.qualname
                if name is not None:
                    table.setdefault(name, Units()).append(site)
            self._by_qualname = table
        for name in qualnames:
            yield from self._by_qualname.get(name, ())

    def method_calls(self, *names: str) -> Iterable[CallSite]:
        if self._by_method is None:
            table: Dict[str, List[CallSite]] = {}
            for site in self.sites():
                if site.method is not None:
                    table.setdefault(site.method, Units()).append(site)
            self._by_method = table
        for name in names:
            yield from self._by_method.get(name, ())

    # -- clients and egress points ------------------------------------------------------------
    def client_of(self, value: Optional[Value]) -> Optional[ClientObject]:
        return self.clients.of(value)

    def client_objects(self) -> List[ClientObject]:
        self.egress_points()  # makes every client and attaches its configuration
        return Units(sorted(self.clients.objects(), key=lambda c: (c.origin.lineno, c.origin.col_offset)))

    def egress_points(self) -> List[EgressPoint]:
        if self._egress is not None:
            return self._egress
        points: List[EgressPoint] = Units()
        plain: List[CallSite] = []  # sites that are no egress point of their own
        for site in self.sites():
            point = self.point_of(site)
            if point is not None:
                points.append(point)
            else:
                plain.append(site)
        self.clients.collect_configs(self.index)
        from .wrappers import foreign_wrapper_points, wrapper_points

        wrapped, self._forwarded_urls = wrapper_points(self, points)
        points.extend(wrapped)
        points.extend(foreign_wrapper_points(self, plain))
        points.sort(key=lambda p: (p.line, p.node.col_offset))
        self._egress = points
        return points

    def point_of(self, site: CallSite) -> Optional[EgressPoint]:
        """The egress point a call site is by itself (a request function, a client constructor, a
        request method of a known client), or None."""
        name = site.qualname
        api = FUNCTIONS.get(name) if name else None
        if api is not None:
            return EgressPoint(site, api, None, "request")
        clients = self.clients
        made = clients.of(self.resolver.resolve(site.call, site.scope))
        if made is not None and made.origin is site.call:
            if made.constructor is not None:
                return EgressPoint(site, made.constructor, made, "client")
            return None
        if site.method is not None:
            used = clients.of(self.resolver.resolve(site.receiver, site.scope))
            method = site.method
        elif type(site.callee) is Member:
            # a client's method kept in a name or bound by functools.partial: ``get = session.get``,
            # ``get = partial(session.get, timeout=5)``, then ``get(url)``
            used, method = clients.of(site.callee.base), site.callee.attr
        else:
            return None
        if used is not None:
            method_api = used.type.methods.get(method)
            if method_api is not None:
                return EgressPoint(site, method_api, used, "request")
        return None

    def release(self) -> None:
        """Break the model's reference cycles (a scope holds its bindings, each binding its scope)
        once nothing will read it again. Left to the cyclic collector, every model is garbage it
        has to walk; broken here, reference counting frees it at once. A file's result never needs
        its model, and a kept module's model is released only when every kept model is dropped."""
        index = self.index
        scopes = {id(index.module): index.module}
        for scope in index.functions.values():
            scopes[id(scope)] = scope
        for _, scope in index.calls:
            scopes[id(scope)] = scope
        for scope in index.comprehensions:
            scopes[id(scope)] = scope
        for info in index.classes.values():
            scopes[id(info.scope)] = info.scope
            info.self_attrs = {}
        for scope in list(scopes.values()):
            parent = scope.parent
            while parent is not None and id(parent) not in scopes:
                scopes[id(parent)] = parent
                parent = parent.parent
        for scope in scopes.values():
            scope.bindings = {}
            scope.flow = None
            scope.class_info = None
            scope.parent = scope.root = None
        self.clients.release()

    def configure_clients(self) -> None:
        """Attach every configuring statement of the module to its client object (once)."""
        if not self._configured:
            self._configured = True
            self.clients.collect_configs(self.index)

    def url(self, point: EgressPoint):
        """The URL (scheme, host, path) the point talks to, or None when the code does not show it."""
        from .urls import point_url

        key = id(point)
        if key in self._forwarded_urls:
            return None  # a helper's URL parameter: judged where the helper is called
        if key not in self._urls:
            self._urls[key] = point_url(self, point)
        return self._urls[key]

    def context_state(self, context: ClientObject):
        from .contexts import context_state

        key = id(context.origin)
        state = self._contexts.get(key)
        if state is None:
            self.egress_points()
            state = self._contexts[key] = context_state(context, self)
        return state
