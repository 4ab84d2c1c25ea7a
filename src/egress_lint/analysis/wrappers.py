"""Helpers that forward a URL or ``**kwargs`` to a request call: each call of the helper is a request.

``def get(url, **kw): return session.get(url, **kw)`` makes ``get("http://x.example.org/a")`` an
egress point of its own, reported where the helper is called: the URL and the keywords written
there are what the request uses. What arrives through the helper's call is judged at that call; the
request call inside the helper keeps judging what it shows itself (its own keywords, and the values
of named parameters, which come from the callers; see values.Resolver._param). The URL parameter of
a helper is judged only at the helper's calls, so it is never reported twice.
"""
from __future__ import annotations

import ast
from typing import List, Optional, Set, Tuple

from .calls import CallSite
from .model import EgressPoint
from .scopes import Scope
from .values import DictVal, Resolver, passed_argument

_FUNCTION_NODES = (ast.FunctionDef, ast.AsyncFunctionDef)


class ForwardedSite(CallSite):
    """A call of a helper, seen as the request call inside it: the URL parameter and the keywords
    the helper forwards through ``**kwargs`` come from the helper call; the other arguments are the
    inner call's own. The inner call's TLS switches are judged at the inner call only (they are the
    same for every caller), so here they are present but unknown."""

    __slots__ = ("inner",)

    def __init__(self, call: ast.Call, scope: Scope, resolver: Resolver, inner: CallSite, api,
                 url_node: Optional[ast.AST], url_expr: Optional[ast.AST], named: Set[str],
                 forwards_kwargs: bool) -> None:
        # Not CallSite.__init__: the tables are composed from the inner call and the helper call.
        self.call = call
        self.scope = scope
        self.resolver = resolver
        self.inner = inner
        self.callee = inner.callee
        self.method = inner.method
        self.receiver = None  # the inner receiver lives in the helper's scope
        switches = {switch.arg.name for switch in api.tls}
        switch_positions = {switch.arg.pos for switch in api.tls if switch.arg.pos is not None}
        if api.server_flag is not None:
            switches.add(api.server_flag.name)

        def own(entry, name=None, position=None):
            expr = entry[0]
            if url_node is not None and expr is url_node:
                return (url_expr, scope, ())
            if name in switches or position in switch_positions:
                return (None, entry[1], ())  # passed, judged at the inner call
            return entry

        self._positional = [own(entry, position=i) for i, entry in enumerate(inner._positional)]
        self._keywords = {name: own(entry, name=name) for name, entry in inner._keywords.items()}
        self._open_positional = inner._open_positional
        self._open_keywords = inner._open_keywords and not forwards_kwargs
        if forwards_kwargs:
            for keyword in call.keywords:
                if keyword.arg is not None:
                    if keyword.arg not in named:
                        self._keywords[keyword.arg] = (keyword.value, scope, ())
                    continue
                expanded = resolver.resolve(keyword.value, scope)
                if not isinstance(expanded, DictVal):
                    self._open_keywords = True
                    continue
                via = expanded.via[:1]
                for name, (expr, entry_scope) in resolver.dict_entries(expanded, call).items():
                    if name not in named:
                        self._keywords[name] = (expr, entry_scope, via)
                if not expanded.complete:
                    self._open_keywords = True


class WrapperPoint(EgressPoint):
    __slots__ = ("inner", "helper")

    def __init__(self, site: ForwardedSite, inner: EgressPoint, helper: str) -> None:
        super().__init__(site, inner.api, inner.client, "request")
        self.inner = inner
        self.helper = helper

    @property
    def subject(self) -> str:
        return f"{self.helper}() (through {self.api.name}() on line {self.inner.line})"


def wrapper_points(model, points: List[EgressPoint]) -> Tuple[List[EgressPoint], Set[int]]:
    """The calls of local helpers that forward a URL or ``**kwargs`` to one of ``points``, as egress
    points; and the ids of the inner points whose URL is a forwarded parameter."""
    resolver: Resolver = model.resolver
    found: List[EgressPoint] = []
    forwarded: Set[int] = set()
    seen_helpers: Set[int] = set()
    for point in points:
        site = point.site
        scope = site.scope
        function = scope.node
        if point.kind != "request" or scope.kind != "function" or not isinstance(function, _FUNCTION_NODES):
            continue
        args = function.args
        params = list(getattr(args, "posonlyargs", [])) + list(args.args)
        named = {a.arg for a in params} | {a.arg for a in args.kwonlyargs}
        url_param: Optional[ast.arg] = None
        url_node: Optional[ast.AST] = None
        if point.api.url is not None:
            expr = site.argument(point.api.url)
            if type(expr) is ast.Name and expr.id in named:
                bindings = scope.bindings.get(expr.id)
                if bindings is not None and len(bindings) == 1 and bindings[0].kind == "param":
                    url_param, url_node = bindings[0].node, expr
        kwargs = args.kwarg
        forwards_kwargs = kwargs is not None and any(
            k.arg is None and type(k.value) is ast.Name and k.value.id == kwargs.arg for k in site.call.keywords)
        if url_param is None and not forwards_kwargs:
            continue
        if url_param is not None and scope.bindings[url_param.arg][0].value is None:
            forwarded.add(id(point))  # with a default, the inner call still judges the default
        if id(function) in seen_helpers:
            continue  # one request per helper call: the first the helper makes
        seen_helpers.add(id(function))
        index = next((i for i, a in enumerate(params) if a is url_param), None)
        keyword_ok = index is None or index >= len(getattr(args, "posonlyargs", []))
        for call, call_scope, shift in resolver.callers(function, scope):
            url_expr = None
            if url_param is not None:
                passed = passed_argument(call, url_param.arg if keyword_ok else None,
                                         None if index is None else index - shift)
                url_expr = passed if isinstance(passed, ast.AST) else None
            forwarded_site = ForwardedSite(call, call_scope, resolver, site, point.api, url_node, url_expr,
                                           named, forwards_kwargs)
            found.append(WrapperPoint(forwarded_site, point, function.name))
    return found, forwarded
