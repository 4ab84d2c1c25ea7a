"""What an expression evaluates to, as far as the code shows it without running it.

Unknown stays unknown: a value is only known when every step from the use back to a literal, an
import or a call is unambiguous (one binding, a constant key, a literal template head).
"""
from __future__ import annotations

import ast
import bisect
import os
import re
from contextlib import contextmanager
from typing import Dict, Iterator, List, Optional, Tuple
from urllib.parse import urljoin

from ..libraries import canonical
from .scopes import Binding, ClassInfo, Index, Scope, is_opt_out_condition, opt_out_statements, scope_flow

MAX_DEPTH = 40
HOLE = "\x00"  # stands for an unknown part of a string; never occurs in a URL
# The longest string a fold builds. Past it the value keeps its head and ends in a HOLE ("unknown but
# starts with ..."), so a chain of templates that doubles at each step costs nothing more.
MAX_TEXT = 4096
# The most values a merge keeps (branches, rebindings, callers): past it the rest are dropped.
MAX_OPTIONS = 32
# The most call sites of a local function whose arguments are followed into a parameter.
MAX_CALLERS = 64
# Templates we fold: plain placeholders only, so no width or attribute in a template can make the
# fold itself expensive.
_PLAIN_PERCENT = re.compile(r"(?:[^%]|%%|%[sdi])*")
_PERCENT_FIELD = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[a-zA-Z]")
_BRACE_FIELD = re.compile(r"\{[^{}]*\}")
_PLAIN_BRACES = re.compile(r"(?:[^{}]|\{\{|\}\}|\{[A-Za-z0-9_]*\})*")


class Value:
    __slots__ = ("via",)

    def __init__(self) -> None:
        self.via: Tuple[str, ...] = ()  # where the value came from, outermost first: "SETTINGS, line 16"

    def through(self, step: str) -> "Value":
        clone = self.copy()
        clone.via = (step,) + self.via
        return clone

    def copy(self) -> "Value":
        # copy.copy goes through __reduce_ex__ for slotted classes, ten times slower than this;
        # values are copied at every step of every resolution.
        cls = self.__class__
        clone = cls.__new__(cls)
        for name in _slots(cls):
            setattr(clone, name, getattr(self, name))
        return clone


_SLOTS: Dict[type, Tuple[str, ...]] = {}


def _slots(cls: type) -> Tuple[str, ...]:
    names = _SLOTS.get(cls)
    if names is None:
        names = _SLOTS[cls] = tuple(n for klass in cls.__mro__ for n in getattr(klass, "__slots__", ()))
    return names


class Unknown(Value):
    __slots__ = ()


UNKNOWN = Unknown()


class Const(Value):
    __slots__ = ("value",)

    def __init__(self, value) -> None:
        super().__init__()
        self.value = value


class Text(Value):
    """A string whose shape is known but not all of it: ``f"http://{host}/x"`` has the shape
    ``"http://" HOLE "/x"``, each unknown part one HOLE character."""

    __slots__ = ("shape",)

    def __init__(self, shape: str) -> None:
        super().__init__()
        self.shape = shape

    @property
    def prefix(self) -> str:
        return self.shape.split(HOLE, 1)[0]


class Ref(Value):
    """A module attribute reached through an import: ``ssl.CERT_NONE``, ``requests.get``."""

    __slots__ = ("qualname",)

    def __init__(self, qualname: str) -> None:
        super().__init__()
        self.qualname = qualname


class CallResult(Value):
    __slots__ = ("callee", "call", "scope")

    def __init__(self, callee: Value, call: ast.Call, scope: Scope) -> None:
        super().__init__()
        self.callee = callee
        self.call = call
        self.scope = scope


class Partial(Value):
    """``functools.partial(func, *args, **kwargs)``."""

    __slots__ = ("func", "call", "scope")

    def __init__(self, func: Value, call: ast.Call, scope: Scope) -> None:
        super().__init__()
        self.func = func
        self.call = call
        self.scope = scope


class DictVal(Value):
    """A dict whose entries are known by constant key. ``name`` is set when it is bound to a
    variable, so later ``name.update(...)`` / ``name[k] = v`` can be merged in."""

    __slots__ = ("entries", "complete", "binding")

    def __init__(self, entries: Dict[str, Tuple[ast.AST, Scope]], complete: bool, binding=None) -> None:
        super().__init__()
        self.entries = entries
        self.complete = complete
        self.binding = binding  # the Binding of the variable holding it


class Items(Value):
    """A tuple or list literal; items resolve lazily."""

    __slots__ = ("items", "scope")

    def __init__(self, items: List[ast.AST], scope: Scope) -> None:
        super().__init__()
        self.items = items
        self.scope = scope


class Module(Value):
    """A module of the project being checked, reached through an import (see analysis/project.py)."""

    __slots__ = ("module",)

    def __init__(self, module) -> None:
        super().__init__()
        self.module = module  # its ModuleEntry: ``module.member(name)`` is what it binds to ``name``


class ProjectClass(Value):
    """A class without bases of another module of the project (``class Config:``), not parsed yet:
    reading an attribute of it (``Config.VERIFY``) reads that module's class attribute."""

    __slots__ = ("module", "name")

    def __init__(self, module, name: str) -> None:
        super().__init__()
        self.module = module  # its ModuleEntry
        self.name = name


class Member(Value):
    """An attribute of a value that is not a module: ``req.prepare``, ``session.prepare_request``."""

    __slots__ = ("base", "attr")

    def __init__(self, base: Value, attr: str) -> None:
        super().__init__()
        self.base = base
        self.attr = attr


class LocalFunction(Value):
    __slots__ = ("node", "scope")

    def __init__(self, node: ast.AST, scope: Scope) -> None:
        super().__init__()
        self.node = node
        self.scope = scope


class LocalClass(Value):
    __slots__ = ("info",)

    def __init__(self, info: ClassInfo) -> None:
        super().__init__()
        self.info = info


class SelfRef(Value):
    """``self`` inside a method of a class defined in this module."""

    __slots__ = ("info",)

    def __init__(self, info: ClassInfo) -> None:
        super().__init__()
        self.info = info


class OneOf(Value):
    """Several values an expression may have (branches, rebinding, stores, callers) that do not
    agree. ``opted_out[i]`` is True when option i is chosen by a condition that is itself a visible
    opt-out (``if args.insecure:``): such an option is never reported on its own."""

    __slots__ = ("options", "opted_out")

    def __init__(self, options: Tuple[Value, ...], opted_out: Tuple[bool, ...]) -> None:
        super().__init__()
        self.options = options
        self.opted_out = opted_out


def _same(a: Value, b: Value) -> bool:
    if a is b:
        return True
    cls = type(a)
    if cls is not type(b):
        return False
    if cls is Const:
        return type(a.value) is type(b.value) and a.value == b.value
    if cls is Ref:
        return a.qualname == b.qualname
    if cls is Text:
        return a.shape == b.shape
    if cls is LocalFunction:
        return a.node is b.node
    if cls in (LocalClass, SelfRef):
        return a.info is b.info
    if cls is CallResult:
        return a.call is b.call
    return False


def _base_name(base: ast.AST) -> Optional[str]:
    """The name a base list entry ends with (``Mixin``, ``module.Base``)."""
    if type(base) is ast.Name:
        return base.id
    if type(base) is ast.Attribute:
        return base.attr
    return None


def _constructor(value: Value):
    """What made an instance: the qualified name of a library's constructor, the class of the
    project (its node; ``self`` of a class counts as that class); None for anything else."""
    if isinstance(value, SelfRef):
        return value.info.node
    if isinstance(value, CallResult):
        if isinstance(value.callee, Ref):
            return value.callee.qualname
        if isinstance(value.callee, LocalClass):
            return value.callee.info.node
    return None


def merge(values: List[Value], opted_out: List[bool]) -> Value:
    """What several possible values agree on: the value itself when they all agree (a ``None``
    among them is left out: code that uses it as a client, a URL or a flag fails or keeps the
    default), otherwise a OneOf."""
    flat: List[Tuple[Value, bool]] = []
    plain_none = False  # a None was left out
    for value, opted in zip(values, opted_out):
        if isinstance(value, OneOf):
            flat.extend((v, opted or o) for v, o in zip(value.options, value.opted_out))
        elif not (isinstance(value, Const) and value.value is None):
            flat.append((value, opted))
        else:
            plain_none = True
    if not flat:
        return values[0] if values else UNKNOWN
    first = flat[0][0]
    if all(_same(first, v) for v, _ in flat[1:]):
        if plain_none and all(opted for _, opted in flat):
            # ``ctx = None`` / ``if not validate_certs: ctx = <unverified>``: the value is known, but
            # only an opt-out chooses it
            return OneOf((first,), (True,))
        return first
    common = _common_url([v for v, _ in flat])
    if common is not None:
        return common
    flat = flat[:MAX_OPTIONS]
    return OneOf(tuple(v for v, _ in flat), tuple(o for _, o in flat))


def _common_url(values: List[Value]) -> Optional[Value]:
    """URLs that agree on their scheme and host (``http://api.example.com/v1/a`` and ``.../v1/b``):
    what they share, the rest unknown. URLs with different hosts are not merged: one host may be
    exempt and the other not."""
    if not all(_is_string(v) for v in values):
        return None
    shapes = [shape_of(v) for v in values]
    prefix = os.path.commonprefix(shapes)
    scheme_end = prefix.find("://")
    if scheme_end <= 0 or "/" not in prefix[scheme_end + 3:]:
        return None
    for shape in shapes:  # the authority ends where each URL's path starts: all must agree on it
        rest = shape[scheme_end + 3:]
        cut = min((i for i in (rest.find("/"), rest.find("?"), rest.find("#")) if i >= 0), default=len(rest))
        if scheme_end + 3 + cut >= len(prefix):
            return None
    merged = _string(prefix + HOLE)
    merged.via = values[0].via
    return merged


def options(value: Optional[Value]) -> List[Value]:
    """The values to judge: each option of a OneOf that is not an opt-out, else the value itself."""
    if isinstance(value, OneOf):
        return [v for v, opted in zip(value.options, value.opted_out) if not opted]
    return [] if value is None else [value]


def choose(value: Optional[Value], test) -> Optional[Value]:
    """The first option of ``value`` for which ``test`` holds; for a OneOf with none, UNKNOWN."""
    if not isinstance(value, OneOf):
        return value
    for option in options(value):
        if test(option):
            return option
    return UNKNOWN


def is_false(value: Value) -> bool:
    """A falsy constant (``False``, ``0``, ``""``): the spellings that switch a flag off. ``None``
    keeps a library default. (Several possible values: see ``options`` and ``choose``.)"""
    return isinstance(value, Const) and value.value is not None \
        and isinstance(value.value, (bool, int, float, str, bytes)) and not value.value


def text_of(value: Value) -> Optional[str]:
    """The known head of a string value (the whole string for a constant)."""
    if isinstance(value, Const) and isinstance(value.value, str):
        return value.value
    if isinstance(value, Text):
        return value.prefix
    return None


def shape_of(value: Optional[Value]) -> str:
    """A string value with each unknown part as HOLE."""
    if isinstance(value, Const) and isinstance(value.value, (str, int)) and not isinstance(value.value, bool):
        return str(value.value).replace(HOLE, "")
    if isinstance(value, Text):
        return value.shape
    return HOLE


def _cap(shape: str) -> str:
    return shape if len(shape) <= MAX_TEXT else shape[:MAX_TEXT] + HOLE


def _string(shape: str) -> Value:
    shape = _cap(shape)
    return Text(shape) if HOLE in shape else Const(shape)


_NOT_PASSED = NOT_PASSED = object()


def parameter_position(function: ast.AST, param: ast.arg) -> Optional[Tuple[Optional[int], bool]]:
    """Where a call of ``function`` passes its parameter ``param``: its position (None for a
    keyword-only one) and whether it may be passed by keyword; None for ``*args`` / ``**kwargs``."""
    args = function.args
    before_slash = list(getattr(args, "posonlyargs", []))
    index = next((i for i, a in enumerate(before_slash + list(args.args)) if a is param), None)
    if index is None and not any(a is param for a in args.kwonlyargs):
        return None
    return index, index is None or index >= len(before_slash)


def passed_parameter(call: ast.Call, param: ast.arg, position: Tuple[Optional[int], bool], shift: int = 0):
    """``passed_argument`` for the parameter ``param`` at ``position`` (see ``parameter_position``);
    ``shift``: the leading parameters the call does not pass (1 for ``self.method(...)``)."""
    index, keyword_ok = position
    return passed_argument(call, param.arg if keyword_ok else None, None if index is None else index - shift)


def passed_argument(call: ast.Call, keyword: Optional[str], position: Optional[int]):
    """The expression a call passes for a parameter (by keyword name or position); None when it may
    be passed through ``*args`` / ``**kwargs``; _NOT_PASSED when it certainly is not."""
    if keyword is not None:
        for item in call.keywords:
            if item.arg == keyword:
                return item.value
    if position is not None and position >= 0:
        for i, item in enumerate(call.args):
            if type(item) is ast.Starred:
                return None
            if i == position:
                return item
    if any(item.arg is None for item in call.keywords) or any(type(a) is ast.Starred for a in call.args):
        return None
    return _NOT_PASSED


def _fits(template: str, args: list, marker: str) -> bool:
    """Would filling ``template`` with ``args`` stay within MAX_TEXT? (Checked before folding, so a
    template that repeats a long argument is never built.)"""
    longest = max((len(str(a)) for a in args), default=0)
    return len(template) + template.count(marker) * longest <= MAX_TEXT


def _is_string(value: Value) -> bool:
    return isinstance(value, Text) or (isinstance(value, Const) and isinstance(value.value, str))


class Resolver:
    """Resolves expressions, at most MAX_DEPTH steps deep.

    An answer must not depend on which rule asked first, so the cache keeps, with each value, the
    depth its search needed (its height): a cached value is reused only where a fresh search would
    have found it within the limit. A value found while the limit or a cycle guard cut the search
    depends on where the search began; it is cached only by (node, depth), for the current
    top-level question.
    """

    def __init__(self, index: Index, project=None) -> None:
        self.index = index
        self.project = project  # the ModuleEntry of this module in the project, when it has a file
        self.foreign = False  # a value of another module reached this one: its nodes go to their resolver
        self._memo: Dict[int, Tuple[Value, int]] = {}
        self._cut_memo: Dict[Tuple[int, int], Value] = {}
        self._cut = False
        self._height = 0
        self._active: set = set()
        # id of the bindings list of a variable -> its mutations (line, key, value, scope)
        self._dict_mutations: Optional[Dict[int, List[Tuple[int, str, ast.AST, Scope]]]] = None
        self._mutation_lines: Dict[int, List[int]] = {}
        # Keyed by id() of the bindings lists, which live as long as the index does.
        self._binding_lines: Dict[int, Optional[List[int]]] = {}
        self._import_prefix: Dict[int, Tuple[List[Binding], int]] = {}
        self._synthetic: Dict[int, ast.AST] = {}  # id(AugAssign) -> the BinOp it stands for
        self._classes: Dict[int, List[ClassInfo]] = {}
        self._attr_shapes: Dict[Tuple[int, str], tuple] = {}
        self._mixers: Dict[int, List[ClassInfo]] = {}
        self._by_base: Tuple[int, Dict[str, List[ClassInfo]]] = (-1, {})
        self._opt_outs: Dict[int, set] = {}
        self._outside_attrs: Optional[set] = None
        self._callers: Dict[int, List[Tuple[ast.Call, Scope, int]]] = {}
        # ids of parameters read as their default only (unknown without one): a helper's parameters other
        # than TLS switches, whose callers' values are per-call data (see wrappers._defaults_only)
        self.default_only: set = set()
        self._by_name: Optional[tuple] = None

    @contextmanager
    def question_aside(self) -> Iterator[None]:
        """A top-level question asked of this resolver while it may be half-way through one of its
        own (another module's value is wanted): its per-question state is kept aside and put back."""
        saved = self._cut, self._height, self._cut_memo
        self._cut_memo = {}
        try:
            yield
        finally:
            self._cut, self._height, self._cut_memo = saved

    # -- names -------------------------------------------------------------------------------
    def qualname(self, expr: ast.AST, scope: Scope) -> Optional[str]:
        value = self.resolve(expr, scope)
        return value.qualname if isinstance(value, Ref) else None

    def resolve(self, expr: Optional[ast.AST], scope: Scope, depth: int = 0) -> Value:
        if depth:
            return self._resolve_cached(expr, scope, depth)
        try:
            return self._resolve_cached(expr, scope, depth)
        finally:
            self._cut_memo.clear()
            self._cut = False
            self._height = 0

    def _resolve_cached(self, expr: Optional[ast.AST], scope: Scope, depth: int) -> Value:
        if expr is None:
            return UNKNOWN
        if depth > MAX_DEPTH:
            self._cut = True
            return UNKNOWN
        if self.foreign and scope.module() is not self.index.module:
            return self.project.resolve_in(scope.module(), expr, scope)
        key = id(expr)
        cached = self._memo.get(key)
        if cached is not None:
            height = cached[1]
            if depth + height - 1 <= MAX_DEPTH:
                if height > self._height:
                    self._height = height
                return cached[0]
        found = self._cut_memo.get((key, depth)) if self._cut_memo else None
        if found is not None or key in self._active:
            self._cut = True
            return found or UNKNOWN
        outer_cut, outer_height = self._cut, self._height
        self._cut, self._height = False, 0
        self._active.add(key)
        try:
            value = self._resolve(expr, scope, depth + 1)
        finally:
            self._active.discard(key)
        height = self._height + 1
        if self._cut:
            self._cut_memo[(key, depth)] = value
        else:
            self._memo[key] = (value, height)
        self._cut = self._cut or outer_cut
        self._height = height if height > outer_height else outer_height
        return value

    def _resolve(self, expr: ast.AST, scope: Scope, depth: int) -> Value:
        cls = type(expr)
        if cls is ast.Constant:
            return Const(expr.value)
        if cls is ast.Name:
            return self._name(expr.id, scope, depth, expr.lineno, expr.col_offset)
        if cls is ast.Attribute:
            return self._attribute(expr, scope, depth)
        if cls is ast.Call:
            return self._call(expr, scope, depth)
        if cls is ast.Dict:
            return self._dict(expr, scope, depth)
        if cls is ast.Subscript:
            return self._subscript(expr, scope, depth)
        if cls in (ast.Tuple, ast.List):
            return Items(list(expr.elts), scope)
        if cls is ast.JoinedStr:
            return self._fstring(expr, scope, depth)
        if cls is ast.BinOp:
            return self._binop(expr, scope, depth)
        if cls is ast.UnaryOp:
            operand = self.resolve(expr.operand, scope, depth)
            if isinstance(operand, Const):
                try:
                    if isinstance(expr.op, ast.Not):
                        return Const(not operand.value)
                    if isinstance(expr.op, ast.USub) and isinstance(operand.value, (int, float)):
                        return Const(-operand.value)
                except Exception:  # noqa: BLE001 - a value we cannot fold stays unknown
                    return UNKNOWN
        if cls is ast.Await:
            return self.resolve(expr.value, scope, depth)
        if cls is ast.IfExp:
            opted = is_opt_out_condition(expr.test)
            return merge([self.resolve(expr.body, scope, depth), self.resolve(expr.orelse, scope, depth)],
                         [opted, opted])
        if cls is ast.arg:
            return self._param(expr, scope, depth)
        return UNKNOWN

    def _param(self, arg: ast.arg, scope: Scope, depth: int) -> Value:
        """A parameter without a default: what the calls of its function in this module pass for it
        (named in ``via``: "argument of call(), line 33"). Unknown with no call, or more than
        MAX_CALLERS; a call that may pass it through ``*args``/``**kwargs`` adds an unknown."""
        values = self._passed_values(arg, scope, depth, None)
        if not values:
            return UNKNOWN
        return merge(values, [False] * len(values))

    def _passed_values(self, arg: ast.arg, scope: Scope, depth: int, default: Optional[Value]) -> Optional[List[Value]]:
        """The values the calls of the function of ``scope`` in this module pass for its parameter
        ``arg``; a call that does not pass it gives ``default`` (a parameter without one: nothing).
        None with no call, more than MAX_CALLERS, or for ``*args``/``**kwargs``. A name passed
        gives its value with the keys stored into it before the call (``params["key"] = k`` then
        ``self._call(endpoint, params)``)."""
        function = scope.node
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return None
        position = parameter_position(function, arg)
        if position is None:
            return None  # *args / **kwargs
        calls = self.callers(function, scope)
        if not calls or len(calls) > MAX_CALLERS:
            return None
        values: List[Value] = []
        for call, call_scope, shift in calls:
            found = passed_parameter(call, arg, position, shift)
            if found is _NOT_PASSED:
                if default is not None:
                    values.append(default)
                continue
            if default is not None and call_scope is scope:
                continue  # a recursive call: what it passes is made from the parameter's own values
            # a construction runs ``__init__``: named by the class it calls (``Uploader()``)
            called = call.func.id if function.name == "__init__" and type(call.func) is ast.Name else function.name
            step = f"argument of {called}(), line {call.lineno}"
            if found is None:
                # passed through *args/**kwargs, unseen: for a parameter with a default, the default
                # stands for it as it does for callers outside the module
                values.append(UNKNOWN.through(step) if default is None else default)
                continue
            value = self.resolve(found, call_scope, depth)
            if type(found) is ast.Name:
                value = self._as_passed(value, found, call_scope, call)
            values.append(value.through(step))
        return values

    def _held_by(self, value: Value, binding: Binding) -> Value:
        """A parameter's dict as the function sees it: with the keys the function stores into the
        parameter before each use (``headers["Authorization"] = ...`` then ``headers=headers``)."""
        if isinstance(value, DictVal) and value.binding is None:
            if not self._mutations().get(id(binding.scope.bindings.get(binding.name))):
                return value
            held = value.copy()
            held.binding = binding
            return held
        if isinstance(value, OneOf) and any(isinstance(o, DictVal) for o in value.options):
            options = tuple(self._held_by(o, binding) for o in value.options)
            if any(a is not b for a, b in zip(options, value.options)):
                return OneOf(options, value.opted_out)
        return value

    def _as_passed(self, value: Value, name: ast.Name, scope: Scope, call: ast.Call) -> Value:
        """A dict held by a name, as a call passes it: its entries at the call (stores made after it
        do not travel), with the keys stored into the name before the call; a value the code does
        not show as a dict that the name receives stores into is a dict with at least those keys."""
        variable = scope.lookup(name.id)
        stores = self._mutations().get(id(variable)) if variable is not None else None
        if isinstance(value, DictVal):
            if value.binding is None and not stores:
                return value
            entries = dict(self.dict_entries(value, call) if value.binding is not None else value.entries)
            if value.binding is None:  # a dict from elsewhere (a parameter's callers): add the stores here
                entries.update(self._stores_before(stores, call))
            frozen = DictVal(entries, value.complete)
            frozen.via = value.via
            return frozen
        if not stores:
            return value
        before = self._stores_before(stores, call)
        if not before:
            return value
        if isinstance(value, OneOf):
            return OneOf(tuple(self._as_passed(option, name, scope, call) for option in value.options),
                         value.opted_out)
        found = DictVal(dict(before), False)  # more keys than these may be in it
        found.via = value.via
        return found

    def stores_before(self, name: str, scope: Scope, call: ast.AST) -> Dict[str, Tuple[ast.AST, Scope]]:
        """The keys stored into the variable ``name`` of ``scope`` before ``call`` (item stores and
        ``.update(...)``), with what each is given."""
        variable = scope.lookup(name)
        return self._stores_before(self._mutations().get(id(variable)) if variable is not None else None, call)

    def _stores_before(self, stores, call: ast.Call) -> Dict[str, Tuple[ast.AST, Scope]]:
        if not stores:
            return {}
        lines = [m[0] for m in stores]
        last = bisect.bisect_left(lines, call.lineno)
        return {key: (node, scope) for _, key, node, scope in stores[:last]}

    def callers(self, function: ast.AST, scope: Scope) -> List[Tuple[ast.Call, Scope, int]]:
        """The calls of a function defined in this module, with how many leading parameters the call
        does not pass (1 for ``self.method(...)``). Found by name, without resolving any value: a
        call ``name(...)`` whose scope sees only this function under that name, and
        ``self.name(...)`` in a method of the same class."""
        key = id(function)
        found = self._callers.get(key)
        if found is not None:
            return found
        found = []
        name = function.name
        plain, on_self = self._calls_named()
        for call, call_scope in plain.get(name, ()):
            bindings = call_scope.lookup(name)
            if bindings is not None and len(bindings) == 1 and bindings[0].node is function:
                found.append((call, call_scope, 0))
        definer = scope.parent
        info = definer.class_info if definer is not None and definer.kind == "class" else None
        if info is not None and scope.self_name is not None and name not in info.self_attrs:
            for call, call_scope in on_self.get((id(info), name), ()):
                found.append((call, call_scope, 1))
            if name == "__init__":
                found.extend(self._constructions(info, plain))
        self._callers[key] = found
        return found

    def _constructions(self, info: ClassInfo, plain) -> List[Tuple[ast.Call, Scope, int]]:
        """The calls that run the ``__init__`` of a class of this module: the class called by its
        name (``Api(self)``), and its subclasses here that inherit that ``__init__`` called by
        theirs. None when such a subclass defines an ``__init__`` of its own (it passes its
        arguments on in ways not followed here) or is never called here (it is constructed
        elsewhere): the calls seen are then not every caller (found from the names in base lists)."""
        classes = [info]
        for other in self._subclasses(info, lambda other: True):
            if "__init__" in other.scope.bindings:
                return []
            classes.append(other)
        found = []
        for klass in classes:
            name = klass.node.name
            calls = [(call, call_scope, 1) for call, call_scope in plain.get(name, ())
                     if (bindings := call_scope.lookup(name)) is not None and len(bindings) == 1
                     and bindings[0].node is klass.node]
            if not calls and klass is not info:
                return []
            found.extend(calls)
        return found

    def _subclasses(self, info: ClassInfo, eligible) -> List[ClassInfo]:
        """The ``eligible`` classes of the index that derive from ``info`` by the names in their base
        lists, directly or not, nearest first (one class per name). Found through an index of the
        classes by base name: a module of thousands of classes made asking for each one's subclasses
        quadratic."""
        size, by_base = self._by_base
        if size != len(self.index.classes):  # classes of another module may join the index
            by_base = {}
            for other in self.index.classes.values():
                for base in other.node.bases:
                    name = _base_name(base)
                    if name is not None:
                        by_base.setdefault(name, []).append(other)
            self._by_base = (len(self.index.classes), by_base)
        names = {info.node.name}
        found: List[ClassInfo] = []
        pending = [info.node.name]
        while pending:
            for other in by_base.get(pending.pop(0), ()):
                if other is not info and other.node.name not in names and eligible(other):
                    names.add(other.node.name)
                    found.append(other)
                    pending.append(other.node.name)
        return found

    def _calls_named(self):
        """Calls by name (``name(...)``), and by class and name (``self.name(...)`` in a method),
        indexed once so that finding the calls of one function never scans the others."""
        if self._by_name is None:
            plain: Dict[str, List[Tuple[ast.Call, Scope]]] = {}
            on_self: Dict[Tuple[int, str], List[Tuple[ast.Call, Scope]]] = {}
            for call, scope in self.index.calls:
                func = call.func
                if type(func) is ast.Name:
                    plain.setdefault(func.id, []).append((call, scope))
                elif type(func) is ast.Attribute and type(func.value) is ast.Name \
                        and scope.class_info is not None and func.value.id == scope.self_name:
                    on_self.setdefault((id(scope.class_info), func.attr), []).append((call, scope))
            self._by_name = (plain, on_self)
        return self._by_name

    def _name(self, name: str, scope: Scope, depth: int, line: int, col: int = 0) -> Value:
        bindings = scope.lookup(name)
        if bindings is None:
            return self._unbound(name, scope)
        # Only bindings[:visible] are seen here. Straight-line code in the same scope sees only the
        # bindings made before it; code in a nested function runs later and may see any of them.
        visible = len(bindings)
        if visible > 1 and bindings[0].scope is scope:
            count = self._preceding(bindings, line)
            if count is None:  # pragma: no cover - the walk records bindings in source order
                bindings = [b for b in bindings if b.line < line] or bindings
                visible = len(bindings)
            elif count:
                visible = count
        imported = self._import_value(name, bindings, visible, scope, depth)
        if imported is not None:
            return imported
        reaching = self._reaching(name, bindings, scope, line, col)
        if reaching is None:
            return self._binding_value(name, bindings[0], depth) if visible == 1 else UNKNOWN
        if len(reaching) == 1:
            return self._binding_value(name, reaching[0][0], depth)
        if not reaching:
            return UNKNOWN
        return merge([self._binding_value(name, b, depth) for b, _ in reaching], [o for _, o in reaching])

    def _reaching(self, name: str, bindings: List[Binding], scope: Scope, line: int,
                  col: int) -> Optional[List[Tuple[Binding, bool]]]:
        """The bindings of ``name`` that reach a use at (line, col) in ``scope``, each with whether
        it is made under an opt-out condition; None when the name is bound once (or not in a scope
        whose statements are followed)."""
        owner = bindings[0].scope
        if len(bindings) < 2 or owner.kind not in ("module", "function", "class"):
            return None
        flow = scope_flow(owner)
        runs_in = scope
        while runs_in is not owner and runs_in.kind == "comprehension" and runs_in.parent is not None:
            runs_in = runs_in.parent
        if runs_in is owner:
            found = flow.reaching(name, (line, col))
        elif owner.kind == "module":
            found = flow.at_end(name)  # a function runs after the module has run
        else:
            found = flow.every(name)  # a closure may run at any point of its function
        if found is None:
            return None
        return [(flow.bindings[k], k in flow.opted_out) for k in found]

    def _binding_value(self, name: str, binding: Binding, depth: int) -> Value:
        kind = binding.kind
        if kind in ("assign", "with"):
            value = self.resolve(binding.value, binding.scope, depth)
            if isinstance(value, DictVal) and value.binding is None:
                value = value.copy()
                value.binding = binding
            return value.through(f"{name}, line {binding.line}")
        if kind == "param":
            if binding.value is None:
                if binding.scope.self_name == name and binding.scope.class_info is not None:
                    return SelfRef(binding.scope.class_info)
                if id(binding.node) in self.default_only:
                    return UNKNOWN  # a helper's payload, passed by each call (judged there)
                # from the callers, see _param
                return self._held_by(self.resolve(binding.node, binding.scope, depth), binding)
            value = self.resolve(binding.value, binding.scope.parent, depth)
            value = value.through(f"default of parameter {name}, line {binding.line}")
            if id(binding.node) in self.default_only:
                return self._held_by(value, binding)
            # and what the callers in this module pass (a call that passes nothing: the default)
            passed = self._passed_values(binding.node, binding.scope, depth, value)
            if not passed:
                return self._held_by(value, binding)
            return self._held_by(merge([value] + passed, [False] * (len(passed) + 1)), binding)
        if kind == "def":
            return LocalFunction(binding.node, self.index.functions[binding.node])
        if kind == "class":
            return LocalClass(self.index.classes[binding.node])
        if kind == "import":
            return self._import_value(name, [binding], 1, binding.scope, depth) or UNKNOWN
        node = binding.node
        if kind == "other" and type(node) is ast.AugAssign and type(node.target) is ast.Name:
            # ``url += "/v1"``: the earlier value, extended
            return self.resolve(self._augmented(node), binding.scope, depth).through(f"{name}, line {binding.line}")
        return UNKNOWN

    def _augmented(self, node: ast.AugAssign) -> ast.AST:
        found = self._synthetic.get(id(node))
        if found is None:
            left = ast.Name(id=node.target.id, ctx=ast.Load())
            ast.copy_location(left, node.target)
            found = ast.BinOp(left=left, op=node.op, right=node.value)
            ast.copy_location(found, node)
            self._synthetic[id(node)] = found
        return found

    def _import_value(self, name: str, bindings: List[Binding], visible: int, scope: Scope,
                      depth: int) -> Optional[Value]:
        """The value of a name whose visible bindings are all imports, or None when they are not.

        Kept apart from the rest of name resolution: import resolution (project modules, re-exports)
        grows here without touching how assignments flow. A module of the project being checked
        gives what its file binds (resolved by that module, see analysis/project.py); anything else
        is a library name for the tables. A relative import that names no file of the project is
        unknown."""
        if self._leading_imports(bindings) < visible:
            return None
        qualname = bindings[0].qualname
        if self.project is not None:
            found = self.project.import_value(qualname)
            if found is not None:
                self.foreign = True
                return found
        if qualname.startswith("."):
            return UNKNOWN
        return Ref(canonical(qualname))

    def _preceding(self, bindings: List[Binding], line: int) -> Optional[int]:
        """How many bindings come before ``line``; None when the list is not in line order. A name
        rebound every few lines of a long module would make a scan per use quadratic, so the
        lines are bisected."""
        lines = self._binding_lines.get(id(bindings), ())
        if lines == ():
            lines = [b.line for b in bindings]
            if any(a > b for a, b in zip(lines, lines[1:])):  # pragma: no cover
                lines = None
            self._binding_lines[id(bindings)] = lines
        return None if lines is None else bisect.bisect_left(lines, line)

    def _leading_imports(self, bindings: List[Binding]) -> int:
        """How many bindings at the start of the list are imports (cached per list, for the same
        reason as above)."""
        known = self._import_prefix.get(id(bindings))
        if known is not None and known[0] is bindings:
            return known[1]
        count = 0
        while count < len(bindings) and bindings[count].kind == "import":
            count += 1
        self._import_prefix[id(bindings)] = (bindings, count)  # holding the list keeps its id unique
        return count

    def _unbound(self, name: str, scope: Scope) -> Value:
        module = scope.module()
        if module.star_imports:
            from ..libraries import CLIENT_TYPES, CONSTRUCTORS, FUNCTIONS

            for star in module.star_imports:
                if self.project is not None:
                    found = self.project.star_value(star, name)
                    if found is not None and not isinstance(found, Unknown):
                        self.foreign = True
                        return found
                candidate = canonical(f"{star}.{name}")
                if candidate in FUNCTIONS or candidate in CONSTRUCTORS or candidate in CLIENT_TYPES:
                    return Ref(candidate)
        return Ref(f"builtins.{name}")

    def _attribute(self, expr: ast.Attribute, scope: Scope, depth: int) -> Value:
        base = self.resolve(expr.value, scope, depth)
        attr = expr.attr
        if isinstance(base, Ref):
            return Ref(canonical(f"{base.qualname}.{attr}"))
        if isinstance(base, LocalClass):
            return self._class_attribute(base.info, attr, depth) or UNKNOWN
        if isinstance(base, Module):
            return base.module.member(attr)
        if isinstance(base, ProjectClass):
            return base.module.member(f"{base.name}.{attr}")
        if isinstance(base, SelfRef):
            return self._self_attribute(base.info, attr, depth)
        if isinstance(base, CallResult):
            setting = self._instance_setting(base.callee, attr, depth)
            return setting if setting is not None else Member(base, attr)
        return UNKNOWN

    def _instance_setting(self, cls: Value, attr: str, depth: int) -> Optional[Value]:
        """``Config().VERIFY``: a constant that every instance of a class of the project has (its
        class attribute, and whatever its methods store on ``self`` agreeing with it); None for
        anything else, which stays an attribute of the call's result (a client method)."""
        if isinstance(cls, LocalClass):
            value = self._self_attribute(cls.info, attr, depth)
        elif isinstance(cls, ProjectClass):
            value = cls.module.member(f"{cls.name}().{attr}")
        else:
            return None
        return value if isinstance(value, (Const, Text)) else None

    # -- attributes of classes defined in this module ---------------------------------------------
    def _hierarchy(self, info: ClassInfo) -> List[ClassInfo]:
        """The class and its base classes defined in this module, nearest first (a few levels)."""
        found = self._classes.get(id(info.node))
        if found is not None:
            return found
        found = [info]
        self._classes[id(info.node)] = found  # guards against cycles while it is built
        index = 0
        while index < len(found) and len(found) < 8:
            current = found[index]
            index += 1
            for base in current.node.bases:
                # By name only: resolving here could start a new top-level question in the middle
                # of another one. A dotted base is a class of another module of the project, or none.
                base_info = self._base_class(base, current.outer)
                if base_info is not None and base_info not in found:
                    found.append(base_info)
        return found

    def _base_class(self, base: ast.AST, outer: Scope) -> Optional[ClassInfo]:
        """The class a base names: a class of the module that defines the subclass (bound once), or a
        class another module of the project defines, imported by name (``from .base import
        BaseClient``) or read from an imported module (``base.BaseClient``)."""
        attr = None
        if type(base) is ast.Attribute and type(base.value) is ast.Name:
            attr, base = base.attr, base.value
        if type(base) is not ast.Name:
            return None
        bindings = outer.lookup(base.id)
        if bindings is None or len(bindings) != 1:
            return None
        binding = bindings[0]
        if binding.kind == "class" and attr is None:
            try:
                return self.index.classes[binding.node]  # also a class of another loaded module
            except KeyError:
                return None
        if binding.kind != "import" or self.project is None:
            return None
        module = outer.module()
        entry = self.project if module is self.index.module else self.project.project.owner(module)
        value = entry.base_class(binding.qualname, attr) if entry is not None else None
        if isinstance(value, LocalClass):
            self.foreign = True
            return value.info
        return None

    def _where(self, scope: Scope, name: str, line: int) -> str:
        """How ``via`` names a binding: "name, line N" in this module, "myapp/base.py:N" in another."""
        module = scope.module()
        if self.project is not None and module is not self.index.module:
            owner = self.project.project.owner(module)
            if owner is not None:
                return f"{owner.rel}:{line}"
        return f"{name}, line {line}"

    def _self_attribute(self, info: ClassInfo, attr: str, depth: int) -> Value:
        """``self.attr``: what the methods of the class and of its local base classes store there,
        and the class attribute of that name as the default.

        Several values are combined as for names, with more care: the order in which methods run is
        unknown, so values that disagree are unknown, except client objects made by one
        constructor (the client type is known). A plain value (a flag, a mode, a URL) that code
        outside the class also assigns (``context.verify_mode = ...``) is unknown as well."""
        key = (id(info.node), attr)
        shape = self._attr_shapes.get(key)
        if shape is None:
            stores = [store for klass in self._hierarchy(info) for store in klass.self_attrs.get(attr, ())]
            shape = self._attr_shapes[key] = (stores, self._class_binding(info, attr), self._assigned_outside(attr))
        stores, default_at, outside = shape
        if len(stores) > MAX_OPTIONS:
            return UNKNOWN
        values: List[Value] = [self.resolve(value, method_scope, depth).through(
            self._where(method_scope, f"self.{attr}", stmt.lineno)) for stmt, value, method_scope in stores]
        if default_at is not None:
            values.append(self._class_value(default_at, attr, depth))
        if not values:
            return self._mixed_in_method(info, attr) or UNKNOWN
        if len(values) == 1:
            merged = values[0]
        elif any(isinstance(v, Const) and v.value is None for v in values) \
                or all(isinstance(v, CallResult) for v in values):
            # the only merges where a store's opt-out branch can change the answer
            opted = [id(stmt) in self._opt_out_statements(scope) for stmt, _, scope in stores]
            merged = merge(values, opted + [False] * (len(values) - len(opted)))
        else:
            merged = merge(values, [False] * len(values))
        if isinstance(merged, OneOf):
            # instances made by one constructor: a library's client type, or a class of the project
            constructors = {_constructor(o) for o in merged.options}
            if len(constructors) == 1 and None not in constructors:
                return merged
            return UNKNOWN
        if outside and stores and not isinstance(merged, (CallResult, SelfRef, LocalFunction, LocalClass, Partial)):
            return UNKNOWN
        return merged

    def mixers(self, info: ClassInfo) -> List[ClassInfo]:
        """The classes of this module that derive from a class without bases (a mixin: its ``self``
        is an instance of one of them), directly or not; empty for a class with bases."""
        key = id(info.node)
        found = self._mixers.get(key)
        if found is None:
            found = []
            if not info.node.bases and not info.node.keywords:
                # by the names in base lists first (no base class of another module is looked up
                # for the classes that do not name the mixin or one of its subclasses)
                module = self.index.module
                named = {info.node.name} | {other.node.name for other in
                                            self._subclasses(info, lambda other: other.outer.module() is module)}
                found = [other for other in self.index.classes.values()
                         if other is not info and other.outer.module() is module
                         and other.node.name in named and info in self._hierarchy(other)]
            self._mixers[key] = found
        return found

    def _mixed_in_method(self, info: ClassInfo, attr: str) -> Optional[Value]:
        """``self.request_json`` in a mixin that defines no such method (``class SignedLinks:``,
        mixed into site classes): the method every class of this module that derives from the mixin
        has, when they all have the same one (defined or inherited, not shadowed by an instance
        attribute); None otherwise, or when no class here derives from it."""
        found = None
        for other in self.mixers(info):
            if any(attr in klass.self_attrs for klass in self._hierarchy(other)):
                return None
            binding = self._class_binding(other, attr)
            if binding is None or binding[1] is None or binding[1].kind != "def":
                return None
            if found is not None and binding[1].node is not found[1].node:
                return None
            found = binding
        if found is None:
            return None
        try:
            return self._class_value(found, attr, 0)
        except KeyError:  # pragma: no cover - a method of a module whose index is not this one's
            return None

    def _opt_out_statements(self, scope: Scope):
        found = self._opt_outs.get(id(scope))
        if found is None:
            found = self._opt_outs[id(scope)] = opt_out_statements(scope)
        return found

    def _assigned_outside(self, attr: str) -> bool:
        """Is ``name.attr = ...`` written anywhere in the module, with a name other than ``self``?"""
        if self._outside_attrs is None:
            names = set()
            for _, target, _, scope in self.index.attribute_stores:
                base = target.value
                if isinstance(base, ast.Name) and base.id != scope.self_name:
                    names.add(target.attr)
            self._outside_attrs = names
        return attr in self._outside_attrs

    def _class_attribute(self, info: ClassInfo, attr: str, depth: int) -> Optional[Value]:
        """The class attribute (of the class or a local base class); None when none is bound."""
        found = self._class_binding(info, attr)
        return None if found is None else self._class_value(found, attr, depth)

    def _class_binding(self, info: ClassInfo, attr: str):
        """(class, binding) of the class attribute ``attr``, nearest class first; (class, None)
        when it is bound in a way that is not followed; None when no class binds it."""
        for klass in self._hierarchy(info):
            bindings = klass.scope.bindings.get(attr)
            if not bindings:
                continue
            if len(bindings) == 1:
                return (klass, bindings[0])
            reaching = scope_flow(klass.scope).at_end(attr)
            if not reaching or len(reaching) != 1:
                return (klass, None)
            return (klass, scope_flow(klass.scope).bindings[reaching[0]])
        return None

    def _class_value(self, found, attr: str, depth: int) -> Value:
        klass, binding = found
        if binding is None:
            return UNKNOWN
        if binding.kind == "assign":
            return self.resolve(binding.value, klass.scope, depth).through(
                self._where(klass.scope, f"{klass.node.name}.{attr}", binding.line))
        if binding.kind == "def":
            return LocalFunction(binding.node, self.index.functions[binding.node])
        return UNKNOWN

    def _call(self, expr: ast.Call, scope: Scope, depth: int) -> Value:
        func = expr.func
        if isinstance(func, ast.Attribute) and func.attr == "format":
            template = self.resolve(func.value, scope, depth)
            if isinstance(template, Const) and isinstance(template.value, str):
                return self._format(template.value, expr, scope, depth)
            if isinstance(template, Text):
                return _string(_BRACE_FIELD.sub(HOLE, template.shape))
        callee = self.resolve(func, scope, depth)
        if isinstance(callee, Ref) and callee.qualname == "urllib.parse.urljoin" and expr.args:
            return self._urljoin(expr, scope, depth)
        if isinstance(callee, Ref):
            if callee.qualname == "functools.partial" and expr.args:
                return Partial(self.resolve(expr.args[0], scope, depth), expr, scope)
            if callee.qualname == "builtins.dict":
                return self._dict_call(expr, scope, depth)
            if callee.qualname == "builtins.bool" and not expr.keywords and len(expr.args) <= 1:
                if not expr.args:
                    return Const(False)
                value = self.resolve(expr.args[0], scope, depth)
                if isinstance(value, Const) and isinstance(value.value, (bool, int, float, str, bytes, type(None))):
                    return Const(bool(value.value)).through(value.via[0]) if value.via else Const(bool(value.value))
        return CallResult(callee, expr, scope)

    def _format(self, template: str, expr: ast.Call, scope: Scope, depth: int) -> Value:
        args = [self._constants(arg, scope, depth) for arg in expr.args]
        kwargs = {k.arg: self._constants(k.value, scope, depth) for k in expr.keywords if k.arg}
        if _PLAIN_BRACES.fullmatch(template) and all(a is not None and not isinstance(a, tuple) for a in args) \
                and len(kwargs) == len(expr.keywords) \
                and all(v is not None and not isinstance(v, tuple) for v in kwargs.values()) \
                and _fits(template, [*args, *kwargs.values()], "{"):
            try:
                return _string(template.format(*args, **kwargs))
            except (IndexError, KeyError, ValueError, AttributeError):
                pass
        return _string(_BRACE_FIELD.sub(HOLE, template))

    def _urljoin(self, expr: ast.Call, scope: Scope, depth: int) -> Value:
        """``urljoin(base, url)``: the scheme and host come from ``base`` unless ``url`` is absolute."""
        base = self.resolve(expr.args[0], scope, depth)
        other = self.resolve(expr.args[1], scope, depth) if len(expr.args) > 1 else UNKNOWN
        if isinstance(base, Const) and isinstance(base.value, str) and isinstance(other, Const) \
                and isinstance(other.value, str):
            return _string(urljoin(base.value, other.value))
        other_text = text_of(other)
        if other_text is not None and "://" in other_text:
            return other
        head = text_of(base)
        if head is None or (other_text is None and not isinstance(other, Unknown)):
            return UNKNOWN
        return _string(head + HOLE) if "://" in head else UNKNOWN

    def _dict(self, expr: ast.Dict, scope: Scope, depth: int) -> Value:
        entries: Dict[str, Tuple[ast.AST, Scope]] = {}
        complete = True
        for key, value in zip(expr.keys, expr.values):
            if key is None:  # {**other}
                merged = self.resolve(value, scope, depth)
                if isinstance(merged, DictVal):
                    entries.update(self.dict_entries(merged, expr))
                    complete = complete and merged.complete
                else:
                    complete = False
                continue
            key_value = self.resolve(key, scope, depth)
            if isinstance(key_value, Const) and isinstance(key_value.value, str):
                entries[key_value.value] = (value, scope)
            else:
                complete = False
        return DictVal(entries, complete)

    def _dict_call(self, expr: ast.Call, scope: Scope, depth: int) -> Value:
        entries: Dict[str, Tuple[ast.AST, Scope]] = {}
        complete = True
        for arg in expr.args:
            base = self.resolve(arg, scope, depth)
            if isinstance(base, DictVal):
                entries.update(self.dict_entries(base, expr))
                complete = complete and base.complete
            else:
                complete = False
        for keyword in expr.keywords:
            if keyword.arg is None:
                complete = False
            else:
                entries[keyword.arg] = (keyword.value, scope)
        return DictVal(entries, complete)

    def _subscript(self, expr: ast.Subscript, scope: Scope, depth: int) -> Value:
        base = self.resolve(expr.value, scope, depth)
        key_node = expr.slice
        if isinstance(key_node, ast.Index):  # Python 3.8
            key_node = key_node.value  # pragma: no cover
        key = self.resolve(key_node, scope, depth)
        if not isinstance(key, Const):
            return UNKNOWN
        if isinstance(base, DictVal) and isinstance(key.value, str):
            entry = self.dict_entries(base, expr).get(key.value)
            if entry is None:
                return UNKNOWN
            item = self.resolve(entry[0], entry[1], depth)
            return item.through(base.via[0]) if base.via else item
        if isinstance(base, Items) and isinstance(key.value, int) and -len(base.items) <= key.value < len(base.items):
            item = base.items[key.value]
            if not isinstance(item, ast.Starred):
                return self.resolve(item, base.scope, depth)
        return UNKNOWN

    def _fstring(self, expr: ast.JoinedStr, scope: Scope, depth: int) -> Value:
        parts: List[str] = []
        for part in expr.values:
            if isinstance(part, ast.Constant):
                parts.append(str(part.value))
            elif isinstance(part, ast.FormattedValue) and part.conversion == -1 and part.format_spec is None:
                parts.append(shape_of(self.resolve(part.value, scope, depth)))
            else:
                parts.append(HOLE)
        return _string("".join(parts))

    def _binop(self, expr: ast.BinOp, scope: Scope, depth: int) -> Value:
        if isinstance(expr.op, ast.Add):
            return self._concat(expr, scope, depth)
        if isinstance(expr.op, ast.Mod):
            left = self.resolve(expr.left, scope, depth)
            if isinstance(left, Const) and isinstance(left.value, str):
                known = self._constants(expr.right, scope, depth)
                if known is not None and _PLAIN_PERCENT.fullmatch(left.value) \
                        and _fits(left.value, list(known) if isinstance(known, tuple) else [known], "%"):
                    try:
                        return _string(left.value % known)
                    except (TypeError, ValueError, KeyError, OverflowError):
                        pass
                return _string(_PERCENT_FIELD.sub(HOLE, left.value).replace("%%", "%"))
            if isinstance(left, Text):
                return _string(_PERCENT_FIELD.sub(HOLE, left.shape).replace("%%", "%"))
        return UNKNOWN

    def _concat(self, expr: ast.BinOp, scope: Scope, depth: int) -> Value:
        """``a + b + c ...``: a left-leaning chain is read as one list of terms, so its length costs
        no depth, and reading stops once the string is past MAX_TEXT."""
        terms: List[ast.AST] = []
        node: ast.AST = expr
        while type(node) is ast.BinOp and isinstance(node.op, ast.Add):
            terms.append(node.right)
            node = node.left
        terms.append(node)
        terms.reverse()
        shapes: List[str] = []
        length = 0
        is_text = False
        via: Tuple[str, ...] = ()
        for term in terms:
            value = self.resolve(term, scope, depth)
            is_text = is_text or _is_string(value)
            via = via or value.via
            shape = shape_of(value)
            shapes.append(shape)
            length += len(shape)
            if length > MAX_TEXT:
                shapes.append(HOLE)
                break
        if not is_text:
            return UNKNOWN
        joined = _string("".join(shapes))
        joined.via = via
        return joined

    def _constants(self, expr: ast.AST, scope: Scope, depth: int):
        """The plain str/int/float values of an expression or tuple, when all of them are known."""
        value = self.resolve(expr, scope, depth)
        if isinstance(value, Const) and isinstance(value.value, (str, int, float)):
            return value.value
        if isinstance(value, Items):
            items = [self.resolve(item, value.scope, depth) for item in value.items]
            if all(isinstance(i, Const) and isinstance(i.value, (str, int, float)) for i in items):
                return tuple(i.value for i in items)
        return None

    # -- dicts that are filled in after they are made ------------------------------------------
    def dict_entries(self, value: DictVal, at: ast.AST) -> Dict[str, Tuple[ast.AST, Scope]]:
        """The entries of a dict as seen at ``at``: the literal plus every ``name.update(...)`` and
        ``name[key] = ...`` on the same variable, in the same scope, before ``at``."""
        if value.binding is None:
            return value.entries
        same_variable = value.binding.scope.bindings.get(value.binding.name)
        mutations = self._mutations().get(id(same_variable))
        if not mutations:
            return value.entries
        entries = dict(value.entries)
        # Only the mutations between the binding that made this dict and the use: the name may be
        # rebound many times (each rebinding is a new dict), so the range is bisected, not scanned.
        lines = self._mutation_lines[id(same_variable)]
        first = bisect.bisect_right(lines, value.binding.line)
        last = bisect.bisect_left(lines, getattr(at, "lineno", 0))
        for _, key, node, scope in mutations[first:last]:
            entries[key] = (node, scope)
        return entries

    def _mutations(self) -> Dict[int, List[Tuple[int, str, ast.AST, Scope]]]:
        """Every mutation, grouped by the variable it changes (found once: grouping by name alone
        made each use scan the mutations of every same-named variable in the module)."""
        if self._dict_mutations is not None:
            return self._dict_mutations
        found: Dict[int, List[Tuple[int, str, ast.AST, Scope]]] = {}

        def add(name: str, line: int, key: str, node: ast.AST, scope: Scope) -> None:
            variable = scope.lookup(name)
            if variable is not None:
                found.setdefault(id(variable), []).append((line, key, node, scope))

        for call, scope in self.index.calls:
            func = call.func
            if isinstance(func, ast.Attribute) and func.attr == "update" and isinstance(func.value, ast.Name):
                for keyword in call.keywords:
                    if keyword.arg:
                        add(func.value.id, call.lineno, keyword.arg, keyword.value, scope)
                for arg in call.args:
                    if isinstance(arg, ast.Dict):
                        for key, item in zip(arg.keys, arg.values):
                            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                                add(func.value.id, call.lineno, key.value, item, scope)
        for stmt, target, value, scope in self.index.subscript_stores:
            if isinstance(target.value, ast.Name) and isinstance(target.slice, ast.Constant) \
                    and isinstance(target.slice.value, str) and value is not None:
                add(target.value.id, stmt.lineno, target.slice.value, value, scope)
        for mutations in found.values():
            mutations.sort(key=lambda m: m[0])
        self._mutation_lines = {key: [m[0] for m in mutations] for key, mutations in found.items()}
        self._dict_mutations = found
        return found
