"""One iterative pass over a module: scopes, bindings and the index of the nodes rules query.

The walk uses an explicit stack, so a 10,000-deep expression cannot exhaust Python's recursion
limit. Everything later layers need (calls, attribute and subscript assignments, returns, classes)
is collected here, so no later layer walks the tree again.
"""
from __future__ import annotations

import ast
from typing import Dict, List, Optional, Set, Tuple

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
    __slots__ = ("kind", "node", "parent", "bindings", "globals", "returns", "class_info", "self_name",
                 "star_imports")

    def __init__(self, kind: str, node: ast.AST, parent: Optional["Scope"]):
        self.kind = kind  # module | class | function | lambda | comprehension
        self.node = node
        self.parent = parent
        self.bindings: Dict[str, List[Binding]] = {}
        self.globals: set = set()
        self.returns: List[ast.Return] = []
        self.class_info: Optional[ClassInfo] = None  # for a method: the class it belongs to
        self.self_name: Optional[str] = None  # for a method: the name of its first parameter
        self.star_imports: List[str] = []

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
        scope = self
        while scope.parent is not None:
            scope = scope.parent
        return scope


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
        self.calls: List[Tuple[ast.Call, Scope]] = []
        self.call_statements: Set[ast.Call] = set()  # calls made as a statement of their own
        # (statement, target, value, scope) for ``x.attr = v`` and ``x[k] = v``
        self.attribute_stores: List[Tuple[ast.AST, ast.Attribute, Optional[ast.AST], Scope]] = []
        self.subscript_stores: List[Tuple[ast.AST, ast.Subscript, Optional[ast.AST], Scope]] = []
        self.functions: Dict[ast.AST, Scope] = {}
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
            _enter_comprehension(node, scope, push)
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
        for name in _child_fields(cls):
            child = getattr(node, name, None)
            if child.__class__ is list:
                for item in reversed(child):
                    if item.__class__ not in _LEAVES and isinstance(item, ast.AST):
                        push((item, scope))
            elif child.__class__ not in _LEAVES and isinstance(child, ast.AST):
                push((child, scope))
    return index


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
    if node.level or not node.module:
        return  # relative imports name the project's own modules, never a library in scope
    for alias in node.names:
        if alias.name == "*":
            scope.star_imports.append(node.module)
            continue
        scope.bind(Binding(alias.asname or alias.name, "import", node, scope, qualname=f"{node.module}.{alias.name}"))


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


def _enter_comprehension(node: ast.AST, scope: Scope, push) -> None:
    inner = Scope("comprehension", node, scope)
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
