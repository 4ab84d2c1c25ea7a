"""A call with its arguments resolved: keywords, ``**dict`` expansions and ``functools.partial``."""
from __future__ import annotations

import ast
from typing import Dict, List, Optional, Tuple

from ..libraries.spec import Arg
from .scopes import Scope
from .values import UNKNOWN, DictVal, Partial, Ref, Resolver, Value


class CallSite:
    __slots__ = ("call", "scope", "resolver", "callee", "method", "receiver", "_positional", "_keywords",
                 "_open_keywords", "_open_positional", "_stored")

    def __init__(self, call: ast.Call, scope: Scope, resolver: Resolver) -> None:
        self.call = call
        self.scope = scope
        self.resolver = resolver
        func = call.func
        self.method: Optional[str] = func.attr if isinstance(func, ast.Attribute) else None
        self.receiver: Optional[ast.AST] = func.value if isinstance(func, ast.Attribute) else None
        callee = resolver.resolve(func, scope)
        partials: List[Partial] = []
        while isinstance(callee, Partial) and len(partials) < 4:
            partials.insert(0, callee)
            callee = callee.func
        self.callee: Value = callee
        self._positional: List[Tuple[ast.AST, Scope, Tuple[str, ...]]] = []
        self._keywords: Dict[str, Tuple[ast.AST, Scope, Tuple[str, ...]]] = {}
        self._open_keywords = False
        self._open_positional = False
        self._stored: Tuple[str, ...] = ()
        for part in partials:
            self._add(part.call.args[1:], part.call.keywords, part.scope, part.call)
        self._add(call.args, call.keywords, scope, call)

    @property
    def qualname(self) -> Optional[str]:
        return self.callee.qualname if isinstance(self.callee, Ref) else None

    @property
    def line(self) -> int:
        return self.call.lineno

    def _add(self, args, keywords, scope: Scope, at: ast.AST) -> None:
        for arg in args:
            if isinstance(arg, ast.Starred) or self._open_positional:
                self._open_positional = True
                continue
            self._positional.append((arg, scope, ()))
        for keyword in keywords:
            if keyword.arg is not None:
                self._keywords[keyword.arg] = (keyword.value, scope, ())
                continue
            expanded = self.resolver.resolve(keyword.value, scope)
            if not isinstance(expanded, DictVal):
                self._open_keywords = True
                self._add_stored(keyword.value, scope, at)
                continue
            via = expanded.via[:1]
            for name, (expr, entry_scope) in self.resolver.dict_entries(expanded, at).items():
                self._keywords[name] = (expr, entry_scope, via)
            if not expanded.complete:
                self._open_keywords = True

    def _add_stored(self, expr: ast.AST, scope: Scope, at: ast.AST, taken=()) -> None:
        """``f(**kwargs)`` with the function's own ``**kwargs``: the keys stored into it before the
        call (``kwargs["params"] = params``) are keywords of the call; the rest stay unknown."""
        function = scope.node
        if type(expr) is not ast.Name or not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)) \
                or function.args.kwarg is None or function.args.kwarg.arg != expr.id:
            return
        for name, (value, store_scope) in self.resolver.stores_before(expr.id, scope, at).items():
            if name not in self._keywords and name not in taken:
                self._keywords[name] = (value, store_scope, ())
                self._stored += (name,)

    def stored(self, name: str) -> bool:
        """Is the keyword ``name`` one stored into the function's ``**kwargs`` before the call?"""
        return name in self._stored

    def argument(self, arg: Arg) -> Optional[ast.AST]:
        """The expression passed for ``arg``, when it is written at this call."""
        found = self._keywords.get(arg.name)
        if found is not None:
            return found[0]
        if arg.pos is not None and arg.pos < len(self._positional):
            return self._positional[arg.pos][0]
        return None

    def entry(self, arg: Arg) -> Optional[Tuple[ast.AST, Scope]]:
        """The expression passed for ``arg`` at this call and the scope it is read in, when written
        here (not through a ``**dict``)."""
        found = self._keywords.get(arg.name)
        if found is None and arg.pos is not None and arg.pos < len(self._positional):
            found = self._positional[arg.pos]
        if found is None or found[0] is None or found[2]:
            return None
        return found[0], found[1]

    def value(self, arg: Optional[Arg]) -> Optional[Value]:
        """What ``arg`` evaluates to; ``None`` when it is certainly not passed, ``UNKNOWN`` when it
        may be (a ``**kwargs`` or ``*args`` we cannot see into)."""
        if arg is None:
            return None
        found = self._keywords.get(arg.name)
        if found is None and arg.pos is not None and arg.pos < len(self._positional):
            found = self._positional[arg.pos]
        if found is None:
            if self._open_keywords or (arg.pos is not None and self._open_positional):
                return UNKNOWN
            return None
        expr, scope, via = found
        value = self.resolver.resolve(expr, scope)
        return value.through(via[0]) if via else value

    def keyword_names(self) -> List[str]:
        return list(self._keywords)
