"""One iterative pass over a module: scopes, bindings and the index of the nodes rules query.

The walk uses an explicit stack, so a 10,000-deep expression cannot exhaust Python's recursion
limit. Everything later layers need (calls, attribute and subscript assignments, returns, classes)
is collected here, so no later layer walks the tree again.
"""
from __future__ import annotations

import ast
import bisect
import re
from typing import Dict, FrozenSet, List, Optional, Set, Tuple

from .units import Units

_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


class Binding:
    """One place a name is bound. ``value`` is the expression it is bound to, when there is one."""

    __slots__ = ("name", "kind", "node", "value", "scope", "qualname")

    def __init__(self, name: str, kind: str, node: ast.AST, scope: "Scope",
                 value: Optional[ast.AST] = None, qualname: Optional[str] = None):
        self.name = name
        self.kind = kind  # import | assign | param | def | class | with | for | other
        self.node = node
        self.value = value
        self.scope = scope
        self.qualname = qualname

    @property
    def line(self) -> int:
        return getattr(self.node, "lineno", 0)


class Scope:
    __slots__ = ("kind", "node", "parent", "root", "bindings", "globals", "returns", "class_info", "self_name",
                 "star_imports", "flow")

    def __init__(self, kind: str, node: ast.AST, parent: Optional["Scope"]):
        self.kind = kind  # module | class | function | lambda | comprehension
        self.node = node
        self.parent = parent
        # the module scope, for a scope inside one (asked for on every value resolved)
        self.root: Optional[Scope] = None if parent is None else parent.root or parent
        self.bindings: Dict[str, List[Binding]] = {}
        self.globals: set = set()
        self.returns: List[ast.Return] = []
        self.class_info: Optional[ClassInfo] = None  # for a method: the class it belongs to
        self.self_name: Optional[str] = None  # for a method: the name of its first parameter
        self.star_imports: List[str] = []
        self.flow: Optional["Flow"] = None  # built on first use, see scope_flow()

    def bind(self, binding: Binding) -> None:
        self.bindings.setdefault(binding.name, []).append(binding)

    def lookup(self, name: str) -> Optional[List[Binding]]:
        """The bindings a load of ``name`` in this scope sees (Python's rules: class scopes are
        invisible from the functions nested in them)."""
        scope: Optional[Scope] = self
        first = True
        while scope is not None:
            if name in scope.globals:
                scope = self.module()
                first = False
                continue
            if (first or scope.kind != "class") and name in scope.bindings:
                return scope.bindings[name]
            first = False
            scope = scope.parent
        return None

    def module(self) -> "Scope":
        return self.root or self


class ClassInfo:
    """A class defined in the module: its bases and what its methods store on ``self``."""

    __slots__ = ("node", "scope", "outer", "self_attrs")

    def __init__(self, node: ast.ClassDef, scope: Scope, outer: Scope):
        self.node = node
        self.scope = scope
        self.outer = outer
        # attribute -> [(statement, value, method scope)]
        self.self_attrs: Dict[str, List[Tuple[ast.AST, Optional[ast.AST], Scope]]] = {}


class Index:
    """What the walk found, for the semantic model."""

    def __init__(self) -> None:
        self.module: Optional[Scope] = None
        # Lists walked one item at a time (analysis/units.py): an error costs the item, not the file.
        self.calls: List[Tuple[ast.Call, Scope]] = Units()
        self.call_statements: Set[ast.Call] = set()  # calls made as a statement of their own
        # (statement, target, value, scope) for ``x.attr = v`` and ``x[k] = v``
        self.attribute_stores: List[Tuple[ast.AST, ast.Attribute, Optional[ast.AST], Scope]] = Units()
        self.subscript_stores: List[Tuple[ast.AST, ast.Subscript, Optional[ast.AST], Scope]] = Units()
        self.functions: Dict[ast.AST, Scope] = {}
        self.comprehensions: List[Scope] = []  # held for SemanticModel.release only
        self.classes: Dict[ast.ClassDef, ClassInfo] = {}


def _param_bindings(args: ast.arguments, scope: Scope) -> None:
    positional = list(getattr(args, "posonlyargs", [])) + list(args.args)
    defaults: List[Optional[ast.expr]] = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
    for arg, default in zip(positional, defaults):
        scope.bind(Binding(arg.arg, "param", arg, scope, default))
    for arg, default in zip(args.kwonlyargs, args.kw_defaults):
        scope.bind(Binding(arg.arg, "param", arg, scope, default))
    for arg in (args.vararg, args.kwarg):
        if arg is not None:
            scope.bind(Binding(arg.arg, "param", arg, scope))


def _bind_target(target: ast.AST, value: Optional[ast.AST], stmt: ast.AST, scope: Scope, kind: str,
                 index: Index) -> None:
    if isinstance(target, ast.Name):
        scope.bind(Binding(target.id, kind, stmt, scope, value))
    elif isinstance(target, (ast.Tuple, ast.List)):
        values = value.elts if isinstance(value, (ast.Tuple, ast.List)) and len(value.elts) == len(target.elts) else None
        for i, element in enumerate(target.elts):
            if isinstance(element, ast.Starred):
                _bind_target(element.value, None, stmt, scope, "other", index)
            else:
                _bind_target(element, values[i] if values else None, stmt, scope, kind if values else "other", index)
    elif isinstance(target, ast.Starred):
        _bind_target(target.value, None, stmt, scope, "other", index)
    elif isinstance(target, ast.Attribute):
        index.attribute_stores.append((stmt, target, value, scope))
        _record_self_attr(target, value, stmt, scope)
    elif isinstance(target, ast.Subscript):
        index.subscript_stores.append((stmt, target, value, scope))


def _record_self_attr(target: ast.Attribute, value: Optional[ast.AST], stmt: ast.AST, scope: Scope) -> None:
    base = target.value
    if (scope.class_info is not None and isinstance(base, ast.Name) and base.id == scope.self_name):
        scope.class_info.self_attrs.setdefault(target.attr, []).append((stmt, value, scope))


def build_index(tree: ast.Module) -> Index:
    index = Index()
    module = Scope("module", tree, None)
    index.module = module
    stack: List[Tuple[ast.AST, Scope]] = [(stmt, module) for stmt in reversed(tree.body)]
    push = stack.append
    while stack:
        node, scope = stack.pop()
        cls = type(node)
        if cls in _SPECIAL:  # most nodes (attributes, operators, subscripts) only hold children
            if cls is ast.Call:
                index.calls.append((node, scope))
            elif cls is ast.Expr:
                if type(node.value) is ast.Call:
                    index.call_statements.add(node.value)
            elif cls is ast.Assign:
                for target in node.targets:
                    _bind_target(target, node.value, node, scope, "assign", index)
            elif cls is ast.AnnAssign:
                if node.value is not None:
                    _bind_target(node.target, node.value, node, scope, "assign", index)
            elif cls is ast.AugAssign:
                _bind_target(node.target, None, node, scope, "other", index)
            elif cls is ast.NamedExpr:
                target_scope = scope
                while target_scope.kind == "comprehension" and target_scope.parent is not None:
                    target_scope = target_scope.parent
                _bind_target(node.target, node.value, node, target_scope, "assign", index)
            elif cls in (ast.Import, ast.ImportFrom):
                _bind_import(node, scope)
                continue
            elif cls in _FUNCTIONS or cls is ast.Lambda:
                _enter_function(node, scope, index, push)
                continue
            elif cls is ast.ClassDef:
                _enter_class(node, scope, index, push)
                continue
            elif cls in _COMPREHENSIONS:
                _enter_comprehension(node, scope, index, push)
                continue
            elif cls in (ast.For, ast.AsyncFor):
                _bind_target(node.target, None, node, scope, "for", index)
            elif cls in (ast.With, ast.AsyncWith):
                for item in node.items:
                    if item.optional_vars is not None:
                        _bind_target(item.optional_vars, item.context_expr, node, scope, "with", index)
            elif cls is ast.ExceptHandler:
                if node.name:
                    scope.bind(Binding(node.name, "other", node, scope))
            elif cls is ast.Return:
                scope.returns.append(node)
            elif cls is ast.Global:
                scope.globals.update(node.names)
            elif cls is ast.Delete:
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        scope.bind(Binding(target.id, "other", node, scope))
        fields = _FIELDS.get(cls)
        for name in fields if fields is not None else _child_fields(cls):
            child = getattr(node, name, None)
            if child.__class__ is list:
                for item in reversed(child):
                    if item.__class__ not in _LEAVES and isinstance(item, ast.AST):
                        push((item, scope))
            elif child.__class__ not in _LEAVES and isinstance(child, ast.AST):
                push((child, scope))
    return index


# The nodes build_index does something with besides visiting their children.
_SPECIAL = frozenset({ast.Call, ast.Expr, ast.Assign, ast.AnnAssign, ast.AugAssign, ast.NamedExpr, ast.Import,
                      ast.ImportFrom, *_FUNCTIONS, ast.Lambda, ast.ClassDef, *_COMPREHENSIONS, ast.For, ast.AsyncFor,
                      ast.With, ast.AsyncWith, ast.ExceptHandler, ast.Return, ast.Global, ast.Delete})
# Nodes the walk would visit without effect: names, constants, contexts and operators. Not pushing
# them halves the work of the walk, which is the largest cost of analysing a file.
_LEAVES = frozenset({ast.Name, ast.Constant, *ast.expr_context.__subclasses__(), *ast.operator.__subclasses__(),
                     *ast.boolop.__subclasses__(), *ast.unaryop.__subclasses__(), *ast.cmpop.__subclasses__()})
# Fields that never hold a node worth visiting (strings, numbers, operators).
_PLAIN_FIELDS = frozenset({"ctx", "op", "ops", "id", "attr", "name", "arg", "module", "level", "conversion",
                           "kind", "type_comment", "simple", "is_async", "tag"})
_FIELDS: Dict[type, Tuple[str, ...]] = {}


def _child_fields(cls: type) -> Tuple[str, ...]:
    """The fields of a node class that may hold child nodes, last first, so that pushing them onto
    the stack visits children in source order (as ``ast.iter_child_nodes`` yields them)."""
    fields = _FIELDS.get(cls)
    if fields is None:
        fields = _FIELDS[cls] = tuple(f for f in reversed(cls._fields) if f not in _PLAIN_FIELDS)
    return fields


def _bind_import(node: ast.AST, scope: Scope) -> None:
    if isinstance(node, ast.Import):
        for alias in node.names:
            if alias.asname:
                scope.bind(Binding(alias.asname, "import", node, scope, qualname=alias.name))
            else:
                top = alias.name.split(".")[0]
                scope.bind(Binding(top, "import", node, scope, qualname=top))
        return
    # A relative import keeps its leading dots (``from ..pkg import x`` -> "..pkg.x"): it names a
    # module of the project, which the project resolver finds from the importing file.
    module = "." * (node.level or 0) + (node.module or "")
    for alias in node.names:
        if alias.name == "*":
            scope.star_imports.append(module)
            continue
        joiner = "" if module.endswith(".") else "."
        scope.bind(Binding(alias.asname or alias.name, "import", node, scope,
                           qualname=f"{module}{joiner}{alias.name}"))


def _enter_function(node: ast.AST, scope: Scope, index: Index, push) -> None:
    is_lambda = isinstance(node, ast.Lambda)
    inner = Scope("lambda" if is_lambda else "function", node, scope)
    index.functions[node] = inner
    if not is_lambda:
        scope.bind(Binding(node.name, "def", node, scope))
        if scope.kind == "class" and scope.class_info is not None:
            positional = list(getattr(node.args, "posonlyargs", [])) + list(node.args.args)
            if positional and not _is_staticmethod(node):
                inner.class_info = scope.class_info
                inner.self_name = positional[0].arg
    _param_bindings(node.args, inner)
    body = [node.body] if is_lambda else node.body
    for stmt in reversed(body):
        push((stmt, inner))
    outer_parts: List[ast.AST] = list(node.args.defaults) + [d for d in node.args.kw_defaults if d is not None]
    if not is_lambda:
        outer_parts += node.decorator_list
    for part in reversed(outer_parts):
        push((part, scope))


def _is_staticmethod(node: ast.AST) -> bool:
    return any(isinstance(d, ast.Name) and d.id == "staticmethod" for d in node.decorator_list)


def _enter_class(node: ast.ClassDef, scope: Scope, index: Index, push) -> None:
    scope.bind(Binding(node.name, "class", node, scope))
    inner = Scope("class", node, scope)
    info = ClassInfo(node, inner, scope)
    inner.class_info = info
    index.classes[node] = info
    for stmt in reversed(node.body):
        push((stmt, inner))
    for part in reversed(list(node.bases) + [k.value for k in node.keywords] + list(node.decorator_list)):
        push((part, scope))


def _enter_comprehension(node: ast.AST, scope: Scope, index: Index, push) -> None:
    inner = Scope("comprehension", node, scope)
    index.comprehensions.append(inner)
    generators = node.generators
    for i, gen in enumerate(generators):
        _bind_target(gen.target, None, node, inner, "for", Index())
        for cond in gen.ifs:
            push((cond, inner))
        push((gen.iter, scope if i == 0 else inner))
    if isinstance(node, ast.DictComp):
        push((node.key, inner))
        push((node.value, inner))
    else:
        push((node.elt, inner))


# -- which bindings reach a use: reaching definitions over the statements of one scope ----------
Pos = Tuple[int, int]

# Words that make a condition a visible opt-out of TLS protection: the code chooses the weaker value
# because of a flag about verification itself (``if args.insecure:``, ``if not self.verify_ssl:``)
# or a development mode (``if debug:``).
OPT_OUT_WORDS = frozenset({
    "insecure", "unsafe", "secure", "verify", "verifies", "verified", "verification", "unverified", "noverify",
    "ssl", "tls", "cert", "certs", "certificate", "certificates", "validate", "validation", "hostname",
    "cacert", "cafile", "capath", "trust", "trusted",
    "debug", "dev", "development", "testing",
})
_WORD_SPLIT = re.compile(r"[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])")


def _start(node: ast.AST) -> Pos:
    return (node.lineno, node.col_offset)


def _end(node: ast.AST) -> Pos:
    return (node.end_lineno or node.lineno, node.end_col_offset or 0)


def is_opt_out_condition(test: ast.AST) -> bool:
    """Does a condition read a flag about TLS verification itself (a name, attribute or key whose
    words include one of OPT_OUT_WORDS)? Bounded: only the first 64 nodes of the condition are read."""
    stack = [test]
    seen = 0
    while stack and seen < 64:
        node = stack.pop()
        seen += 1
        cls = type(node)
        if cls is ast.Name:
            text = node.id
        elif cls is ast.Attribute:
            text = node.attr
            stack.append(node.value)
        elif cls is ast.Constant and isinstance(node.value, str) and len(node.value) <= 64:
            text = node.value
        else:
            stack.extend(ast.iter_child_nodes(node))
            continue
        for word in _WORD_SPLIT.split(text):
            if word.lower() in OPT_OUT_WORDS:
                return True
    return False


_COMPOUND = (ast.If, ast.For, ast.AsyncFor, ast.While, ast.Try, ast.With, ast.AsyncWith,
             *(getattr(ast, name) for name in ("TryStar", "Match") if hasattr(ast, name)))
_EXITS = (ast.Return, ast.Raise, ast.Break, ast.Continue)


def _leaves(block: List[ast.stmt]) -> bool:
    return bool(block) and type(block[-1]) in _EXITS


class Flow:
    """For each name bound more than once in a scope: the sets of its bindings that reach each point.

    ``sets[name][i]`` holds from position ``positions[name][i]`` on (source order), so a use finds its
    reaching bindings by bisecting the positions: no scan per use. Built by one walk over the
    statements of the scope: ``if``/``else``, ``match``, ``try`` and loops merge their branches; a
    ``return``, ``raise``, ``break`` or ``continue`` ends its path. Loops and ``try`` bodies are
    approximated from above: every binding made in a loop body reaches its head, every binding made
    in a ``try`` body reaches its handlers.
    """

    __slots__ = ("bindings", "positions", "sets", "final", "opted_out", "by_name")

    def __init__(self) -> None:
        self.bindings: List[Binding] = []  # the bindings followed, by position
        self.positions: Dict[str, List[Pos]] = {}
        self.sets: Dict[str, List[FrozenSet[int]]] = {}
        self.final: Dict[str, FrozenSet[int]] = {}  # what reaches the end of the scope
        self.opted_out: Set[int] = set()  # bindings made in a branch chosen by an opt-out condition
        self.by_name: Dict[str, List[int]] = {}

    def reaching(self, name: str, pos: Pos) -> Optional[List[int]]:
        """The indices (into ``bindings``) of the bindings of ``name`` that reach ``pos``."""
        positions = self.positions.get(name)
        if positions is None:
            return None
        i = bisect.bisect_right(positions, pos) - 1
        return sorted(self.sets[name][i]) if i >= 0 else []

    def at_end(self, name: str) -> Optional[List[int]]:
        found = self.final.get(name)
        return None if found is None else sorted(found)

    def every(self, name: str) -> Optional[List[int]]:
        return self.by_name.get(name)


def scope_flow(scope: Scope) -> Flow:
    flow = scope.flow
    if flow is None:
        flow = scope.flow = _FlowBuilder(scope).build()
    return flow


class _FlowBuilder:
    def __init__(self, scope: Scope) -> None:
        self.scope = scope
        self.flow = Flow()
        followed = [b for bs in scope.bindings.values() if len(bs) > 1 for b in bs if b.kind != "param"]
        followed.sort(key=lambda b: _start(b.node) if hasattr(b.node, "lineno") else (0, 0))
        self.flow.bindings = followed
        self.starts = [_start(b.node) for b in followed]
        self.cursor = 0
        self.cur: Dict[str, FrozenSet[int]] = {}
        self.log: List[Tuple[str, Optional[FrozenSet[int]]]] = []
        self.guards: list = []  # for each enclosing if: its condition, then whether it is an opt-out
        self.loops: List[Tuple[int, list]] = []  # (head checkpoint, break states)
        self.names = {b.name for b in followed}
        # Parameters are bound on entry.
        params: Dict[str, List[Binding]] = {}
        for name, bs in scope.bindings.items():
            if len(bs) > 1:
                for b in bs:
                    if b.kind == "param":
                        params.setdefault(name, []).append(b)
        for name, bs in params.items():
            for b in bs:
                followed.append(b)
                self.starts.append((0, 0))
            # appended after the sort: indices past the positional list, never consumed by the cursor
        self._param_index = {name: frozenset(i for i, b in enumerate(followed) if b.kind == "param" and b.name == name)
                             for name in params}
        self.limit = len(followed) - sum(len(v) for v in params.values())

    def build(self) -> Flow:
        flow = self.flow
        for name in self.names | set(self._param_index):
            flow.positions[name] = []
            flow.sets[name] = []
        for name, found in self._param_index.items():
            self._set(name, found, (0, 0))
        node = self.scope.node
        body = node.body if isinstance(node, (ast.Module, ast.ClassDef, *_FUNCTIONS)) else []
        self._block(body)
        flow.final = {name: self.cur.get(name, frozenset()) for name in flow.positions}
        for k, binding in enumerate(flow.bindings):
            flow.by_name.setdefault(binding.name, []).append(k)
        return flow

    # -- state ------------------------------------------------------------------------------------
    def _set(self, name: str, value: FrozenSet[int], pos: Pos) -> None:
        self.log.append((name, self.cur.get(name)))
        self.cur[name] = value
        self._record(name, value, pos)

    def _changes(self, checkpoint: int) -> Dict[str, FrozenSet[int]]:
        return {name: self.cur.get(name, frozenset()) for name, _ in self.log[checkpoint:]}

    def _rollback(self, checkpoint: int, pos: Optional[Pos]) -> Dict[str, FrozenSet[int]]:
        """Undo the changes since ``checkpoint``; return them. With ``pos``, record the restored
        values there (the start of the next branch)."""
        changes = self._changes(checkpoint)
        log, cur = self.log, self.cur
        while len(log) > checkpoint:
            name, old = log.pop()
            if old is None:
                cur.pop(name, None)
            else:
                cur[name] = old
        if pos is not None:
            for name in changes:
                self._record(name, self.cur.get(name, frozenset()), pos)
        return changes

    def _record(self, name: str, value: FrozenSet[int], pos: Pos) -> None:
        positions = self.flow.positions[name]
        sets = self.flow.sets[name]
        if sets and sets[-1] == value:
            return
        if positions and positions[-1] == pos:
            sets[-1] = value
        else:
            positions.append(pos)
            sets.append(value)

    def _gen(self, upto: Pos, pos: Pos) -> None:
        """Apply the bindings made before ``upto``, visible from ``pos`` on."""
        starts, bindings = self.starts, self.flow.bindings
        while self.cursor < self.limit and starts[self.cursor] < upto:
            k = self.cursor
            self.cursor += 1
            binding = bindings[k]
            if self.guards and self._opted():
                self.flow.opted_out.add(k)
            if binding.kind == "other" and isinstance(binding.node, ast.Delete):
                self._set(binding.name, frozenset(), pos)
            else:
                self._set(binding.name, frozenset((k,)), pos)

    def _binds_within(self, stmt: ast.stmt) -> bool:
        lo = bisect.bisect_left(self.starts, _start(stmt), self.cursor, self.limit)
        return lo < self.limit and self.starts[lo] <= _end(stmt)

    def _opted(self) -> bool:
        """Is any enclosing ``if`` condition a visible opt-out? (Read only when a binding is made
        under it, once per ``if``.)"""
        guards = self.guards
        for i, guard in enumerate(guards):
            if type(guard) is not bool:
                guard = guards[i] = is_opt_out_condition(guard)
            if guard:
                return True
        return False

    def _made_within(self, first: Pos, last: Pos) -> Dict[str, FrozenSet[int]]:
        lo = bisect.bisect_left(self.starts, first, 0, self.limit)
        hi = bisect.bisect_right(self.starts, last, 0, self.limit)
        found: Dict[str, Set[int]] = {}
        for k in range(lo, hi):
            found.setdefault(self.flow.bindings[k].name, set()).add(k)
        return {name: frozenset(ks) for name, ks in found.items()}

    def _join(self, paths: List[Tuple[Dict[str, FrozenSet[int]], bool]], pos: Pos) -> bool:
        """Merge the paths that reach ``pos`` (each: its changes against the current state, and whether
        it is alive); False when none is alive. Names a dead path changed are recorded too, so the
        value it left behind is not seen after it."""
        names: Set[str] = set()
        for changes, _ in paths:
            names.update(changes)
        live = [changes for changes, alive in paths if alive]
        cur = self.cur
        for name in sorted(names):
            base = cur.get(name, frozenset())
            merged: FrozenSet[int] = frozenset()
            for changes in live:
                merged = merged | changes.get(name, base)
            if not live:
                merged = base
            if merged != base:
                self._set(name, merged, pos)
            else:
                self._record(name, base, pos)
        return bool(live)

    # -- statements --------------------------------------------------------------------------------
    def _block(self, stmts: List[ast.stmt]) -> bool:
        """Walk statements; False when the end of the block cannot be reached."""
        alive = True
        for stmt in stmts:
            if not self._stmt(stmt):
                alive = False
        return alive

    def _stmt(self, stmt: ast.stmt) -> bool:
        cls = type(stmt)
        if cls in _COMPOUND and not self._binds_within(stmt):
            # Nothing followed is bound inside: the state after it is the state before it. Only
            # whether its end is reached matters, and an if whose branches both leave is the one
            # common case of a dead end.
            return not (cls is ast.If and _leaves(stmt.body) and _leaves(stmt.orelse))
        if cls is ast.If:
            return self._if(stmt)
        if cls in (ast.For, ast.AsyncFor, ast.While):
            return self._loop(stmt)
        if cls is ast.Try or cls.__name__ == "TryStar":
            return self._try(stmt)
        if cls in (ast.With, ast.AsyncWith):
            self._gen(_start(stmt.body[0]), _start(stmt.body[0]))
            return self._block(stmt.body)
        if cls.__name__ == "Match":
            return self._match(stmt)
        end = _end(stmt)
        self._gen((end[0], end[1] + 1), end)
        if cls in (ast.Return, ast.Raise):
            return False
        if cls is ast.Break or cls is ast.Continue:
            if self.loops:
                checkpoint, breaks = self.loops[-1]
                if cls is ast.Break:
                    breaks.append((self._changes(checkpoint), True))
            return False
        return True

    def _if(self, stmt: ast.If) -> bool:
        first = _start(stmt.body[0])
        self._gen(first, first)
        checkpoint = len(self.log)
        self.guards.append(stmt.test)
        try:
            alive_body = self._block(stmt.body)
            after_body = self._rollback(checkpoint, _start(stmt.orelse[0]) if stmt.orelse else None)
            alive_else = self._block(stmt.orelse)
            after_else = self._rollback(checkpoint, None)
        finally:
            self.guards.pop()
        return self._join([(after_body, alive_body), (after_else, alive_else)], _end(stmt))

    def _loop(self, stmt: ast.AST) -> bool:
        first = _start(stmt.body[0])
        head_pos = _start(stmt.test) if isinstance(stmt, ast.While) else first
        if isinstance(stmt, ast.While):
            self._gen(head_pos, head_pos)  # nothing normally; keeps the cursor honest
        within = self._made_within(_start(stmt), _end(stmt.body[-1]))
        for name in sorted(within):
            merged = self.cur.get(name, frozenset()) | within[name]
            if merged != self.cur.get(name, frozenset()):
                self._set(name, merged, head_pos)
        head = len(self.log)
        breaks: List[Tuple[Dict[str, FrozenSet[int]], bool]] = []
        self.loops.append((head, breaks))
        try:
            self._gen(first, first)
            self._block(stmt.body)
        finally:
            self.loops.pop()
        orelse_pos = _start(stmt.orelse[0]) if stmt.orelse else _end(stmt)
        self._rollback(head, orelse_pos)
        # A loop is taken to end normally too (also ``while True:``: a ``break`` inside a statement
        # that binds nothing followed is not walked).
        alive_else = self._block(stmt.orelse)
        after_else = self._rollback(head, None)
        return self._join([(after_else, alive_else), *breaks], _end(stmt))

    def _try(self, stmt: ast.AST) -> bool:
        checkpoint = len(self.log)
        within = self._made_within(_start(stmt.body[0]), _end(stmt.body[-1]))
        alive = self._block(stmt.body)
        if alive and stmt.orelse:
            alive = self._block(stmt.orelse)
        normal = self._rollback(checkpoint, _start(stmt.handlers[0]) if stmt.handlers else None)
        paths: List[Tuple[Dict[str, FrozenSet[int]], bool]] = [(normal, alive)]
        for handler in stmt.handlers:
            start = _start(handler)
            for name in sorted(within):
                merged = self.cur.get(name, frozenset()) | within[name]
                if merged != self.cur.get(name, frozenset()):
                    self._set(name, merged, start)
            first = _start(handler.body[0])
            self._gen(first, first)
            alive_handler = self._block(handler.body)
            changes = self._rollback(checkpoint, None)
            paths.append((changes, alive_handler))
        if stmt.finalbody:
            live = self._join(paths, _start(stmt.finalbody[0]))
            alive_final = self._block(stmt.finalbody)
            return live and alive_final
        return self._join(paths, _end(stmt))

    def _match(self, stmt: ast.AST) -> bool:
        checkpoint = len(self.log)
        paths: List[Tuple[Dict[str, FrozenSet[int]], bool]] = [({}, True)]  # no case matched
        for case in stmt.cases:
            first = _start(case.body[0])
            self._gen(first, first)
            alive = self._block(case.body)
            changes = self._rollback(checkpoint, None)
            paths.append((changes, alive))
        return self._join(paths, _end(stmt))


class OptOutStatements:
    """Which statements of a function or class body sit in a branch of an ``if`` whose condition
    is a visible opt-out. The conditions are read only for the statements asked about."""

    __slots__ = ("_guards", "_verdicts")

    def __init__(self, scope: Scope) -> None:
        self._guards: Dict[int, Tuple[ast.AST, ...]] = {}  # id(stmt) -> the enclosing if conditions
        self._verdicts: Dict[int, bool] = {}
        node = scope.node
        body = node.body if isinstance(node, (ast.Module, ast.ClassDef, *_FUNCTIONS)) else []
        stack: List[Tuple[List[ast.stmt], Tuple[ast.AST, ...]]] = [(body, ())]
        while stack:
            stmts, tests = stack.pop()
            for stmt in stmts:
                if tests:
                    self._guards[id(stmt)] = tests
                cls = type(stmt)
                if cls in _FUNCTIONS or cls is ast.ClassDef:
                    continue
                if cls is ast.If:
                    inner = tests + (stmt.test,)
                    stack.append((stmt.body, inner))
                    stack.append((stmt.orelse, inner))
                    continue
                for field in ("body", "orelse", "finalbody"):
                    child = getattr(stmt, field, None)
                    if isinstance(child, list) and child and isinstance(child[0], ast.stmt):
                        stack.append((child, tests))
                for handler in getattr(stmt, "handlers", ()) or ():
                    stack.append((handler.body, tests))
                for case in getattr(stmt, "cases", ()) or ():
                    stack.append((case.body, tests))

    def __contains__(self, stmt_id: int) -> bool:
        for test in self._guards.get(stmt_id, ()):
            verdict = self._verdicts.get(id(test))
            if verdict is None:
                verdict = self._verdicts[id(test)] = is_opt_out_condition(test)
            if verdict:
                return True
        return False


def opt_out_statements(scope: Scope) -> OptOutStatements:
    return OptOutStatements(scope)
