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
from typing import Dict, List, Optional, Set, Tuple

from .calls import CallSite
from .clients import ClientObject
from .model import EgressPoint
from .scopes import ClassInfo, Scope
from .values import (CallResult, DictVal, LocalClass, LocalFunction, Member, OneOf, Resolver, SelfRef, Unknown,
                     parameter_position, passed_argument, passed_parameter)

_FUNCTION_NODES = (ast.FunctionDef, ast.AsyncFunctionDef)
_DEFAULT = object()  # marks a parameter a helper call leaves to its default


class ForwardedSite(CallSite):
    """A call of a helper, seen as the request call inside it: the URL parameter and the keywords
    the helper forwards through ``**kwargs`` come from the helper call; the other arguments are the
    inner call's own. The inner call's TLS switches are judged at the inner call only (they are the
    same for every caller), so here they are present but unknown."""

    __slots__ = ("inner", "captured")

    def __init__(self, call: ast.Call, scope: Scope, resolver: Resolver, inner: CallSite, api,
                 url_node: Optional[ast.AST], url_expr: Optional[ast.AST], named: Set[str],
                 forwards_kwargs: bool, per_call: Optional[Dict[int, object]] = None) -> None:
        # Not CallSite.__init__: the tables are composed from the inner call and the helper call.
        # ``captured``: the keywords a helper on the way takes as a parameter of its own (a helper
        # that calls another helper: what either names never reaches the request).
        named = self.captured = named | inner.captured if type(inner) is ForwardedSite else named
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
            if per_call and id(expr) in per_call:  # a payload parameter: what this call passes for it
                passed = per_call[id(expr)]
                return entry if passed is _DEFAULT else (passed, scope, ())
            if name in switches or position in switch_positions:
                return (None, entry[1], ())  # passed, judged at the inner call
            return entry

        self._positional = [own(entry, position=i) for i, entry in enumerate(inner._positional)]
        self._keywords = {name: own(entry, name=name) for name, entry in inner._keywords.items()}
        self._open_positional = inner._open_positional
        self._open_keywords = inner._open_keywords and not forwards_kwargs
        self._stored = inner._stored
        if forwards_kwargs:
            for keyword in call.keywords:
                if keyword.arg is not None:
                    if keyword.arg not in named:
                        self._keywords[keyword.arg] = (keyword.value, scope, ())
                    continue
                expanded = resolver.resolve(keyword.value, scope)
                if not isinstance(expanded, DictVal):
                    self._open_keywords = True
                    self._add_stored(keyword.value, scope, call, named)
                    continue
                via = expanded.via[:1]
                for name, (expr, entry_scope) in resolver.dict_entries(expanded, call).items():
                    if name not in named:
                        self._keywords[name] = (expr, entry_scope, via)
                if not expanded.complete:
                    self._open_keywords = True


class WrapperPoint(EgressPoint):
    __slots__ = ("inner", "helper", "where", "source", "shift")

    def __init__(self, site: ForwardedSite, inner: EgressPoint, helper: str, where: str = "",
                 source: Optional["Helper"] = None, shift: int = 0) -> None:
        super().__init__(site, inner.api, inner.client, "request")
        self.inner = inner
        self.helper = helper
        self.where = where  # the file of a helper defined in another module ("myapp/http.py")
        self.source = source  # the Helper called
        self.shift = shift  # leading parameters the call does not pass (1 for ``self.fetch(...)``)

    def passed(self, name: str) -> Optional[ast.AST]:
        """What this call passes for the helper's parameter ``name`` (None when unknown or not passed)."""
        return self.source.passed(self.site.call, name, self.shift) if self.source is not None else None

    @property
    def subject(self) -> str:
        # A helper that calls another helper names the request call at the end of the chain.
        request, where = self.inner, self.where
        while type(request) is WrapperPoint:
            where = request.where or where
            request = request.inner
        if where:
            return f"{self.helper}() (through {self.api.name}() at {where}:{request.line})"
        return f"{self.helper}() (through {self.api.name}() on line {request.line})"


class Helper:
    """A function whose request call (``inner``) takes one of its parameters as the URL or passes on
    its ``**kwargs``: what a call of the function forwards to that request."""

    __slots__ = ("function", "scope", "inner", "url_param", "url_node", "named", "forwards_kwargs", "payload")

    def __init__(self, function, scope: Scope, inner: EgressPoint, url_param: Optional[ast.arg],
                 url_node: Optional[ast.AST], named: Set[str], forwards_kwargs: bool,
                 payload: Tuple[Tuple[ast.Name, ast.arg], ...] = ()) -> None:
        self.function = function
        self.scope = scope
        self.inner = inner
        self.url_param = url_param
        self.url_node = url_node
        self.named = named
        self.forwards_kwargs = forwards_kwargs
        # the inner call's arguments that are a parameter of the helper as they are (``params=params``)
        self.payload = payload

    @property
    def url_without_default(self) -> bool:
        return self.url_param is not None and self.scope.bindings[self.url_param.arg][0].value is None

    def passed(self, call: ast.Call, name: str, shift: int) -> Optional[ast.AST]:
        """The expression ``call`` passes for the parameter ``name``; None when it passes none or one
        the code does not show (``*args``, ``**kwargs``)."""
        bindings = self.scope.bindings.get(name)
        param = bindings[0].node if bindings and bindings[0].kind == "param" else None
        position = parameter_position(self.function, param) if param is not None else None
        found = passed_parameter(call, param, position, shift) if position is not None else None
        return found if isinstance(found, ast.AST) else None

    def point_at(self, call: ast.Call, call_scope: Scope, resolver: Resolver, shift: int,
                 where: str = "") -> "WrapperPoint":
        """The egress point a call of the helper is."""
        url_expr = self.passed(call, self.url_param.arg, shift) if self.url_param is not None else None
        per_call: Dict[int, object] = {}
        for name, param in self.payload:
            found = passed_parameter(call, param, parameter_position(self.function, param), shift)
            if isinstance(found, ast.AST):
                per_call[id(name)] = found
            elif self.scope.bindings[param.arg][0].value is not None:
                per_call[id(name)] = _DEFAULT  # not passed here: the default, read inside the helper
            else:
                per_call[id(name)] = None  # passed through *args / **kwargs: not shown
        site = ForwardedSite(call, call_scope, resolver, self.inner.site, self.inner.api, self.url_node, url_expr,
                             self.named, self.forwards_kwargs, per_call)
        return WrapperPoint(site, self.inner, self.function.name, where, self, shift)


def _describe(point: EgressPoint) -> Optional[Helper]:
    """The helper a request point makes of the function it is in, or None."""
    site = point.site
    scope = site.scope
    function = scope.node
    if point.kind != "request" or scope.kind != "function" or not isinstance(function, _FUNCTION_NODES):
        return None
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
        return None
    payload = _payload_parameters(point, scope, url_node)
    _defaults_only(point, scope, params + list(args.kwonlyargs), [param for _, param in payload])
    return Helper(function, scope, point, url_param, url_node, named, forwards_kwargs, payload)


def _payload_parameters(point: EgressPoint, scope: Scope, url_node: Optional[ast.AST]) -> Tuple[Tuple[ast.Name, ast.arg], ...]:
    """The query and body arguments of a helper's request call that are one of the helper's
    parameters as they are (``session.get(url, params=params)``), with that parameter.
    A parameter the helper reads anywhere else (``params["sig"] = sign(params)`` before the call)
    is not one: what the call passes is not all the request sends."""
    payload = point.api.payload
    if payload is None:
        return ()
    site = point.site
    uses: Dict[str, int] = {}
    for node in ast.walk(scope.node):
        if type(node) is ast.Name:
            uses[node.id] = uses.get(node.id, 0) + 1
    found = []
    for arg in payload.body + ((payload.query,) if payload.query is not None else ()):
        expr = site.argument(arg)
        if type(expr) is not ast.Name or expr is url_node or expr.id == scope.self_name or uses.get(expr.id) != 1:
            continue
        bindings = scope.bindings.get(expr.id)
        if bindings is not None and len(bindings) == 1 and bindings[0].kind == "param":
            found.append((expr, bindings[0].node))
    return tuple(found)


def _defaults_only(point: EgressPoint, scope: Scope, params: List[ast.arg], payload: List[ast.arg]) -> None:
    """A helper's parameters with a default are read as their default inside it, except those that
    feed a TLS switch of the request: what a call of the helper passes for its URL and payload is
    per-call data, judged at that call (or not followed), so the request inside never judges the
    values of every caller at once; a TLS switch is judged once, at the request inside, with the
    values the callers pass (values.Resolver._passed_values)."""
    site = point.site
    switches = set()
    for switch in point.api.tls:
        expr = site.argument(switch.arg)
        if type(expr) is ast.Name:
            switches.add(expr.id)
    for param in params:
        bindings = scope.bindings.get(param.arg)
        if bindings and bindings[0].kind == "param" and bindings[0].value is not None and param.arg not in switches:
            site.resolver.default_only.add(id(param))
    for param in payload:  # passed on as they are: per-call data also without a default (judged at each call)
        site.resolver.default_only.add(id(param))


def wrapper_points(model, points: List[EgressPoint]) -> Tuple[List[EgressPoint], Set[int]]:
    """The calls of local helpers that forward a URL or ``**kwargs`` to one of ``points``, as egress
    points; and the ids of the inner points whose URL is a forwarded parameter."""
    resolver: Resolver = model.resolver
    found: List[EgressPoint] = []
    forwarded: Set[int] = set()
    seen_helpers: Set[int] = set()
    for point in points:
        helper = _describe(point)
        if helper is None:
            continue
        if helper.url_without_default:
            forwarded.add(id(point))  # with a default, the inner call still judges the default
        function = helper.function
        if id(function) in seen_helpers:
            continue  # one request per helper call: the first the helper makes
        seen_helpers.add(id(function))
        for call, call_scope, shift in resolver.callers(function, helper.scope):
            found.append(helper.point_at(call, call_scope, resolver, shift))
    return found, forwarded


def helper_of(model, function: ast.AST) -> Optional[Helper]:
    """What a function of this module forwards to a request, when it is a helper (found from the
    calls in the function alone: a module whose helper another module calls is not analysed whole).
    The request may be made by another helper the function calls (``def fetch_json(self, url, **kw):
    return self.fetch(url, **kw).json()``), of this module or of another module of the project."""
    cache = model._helpers
    key = id(function)
    if key in cache:
        return cache[key]
    cache[key] = None  # a helper that calls itself is not followed
    found: Optional[Helper] = None
    scope = dict.get(model.index.functions, function)  # this module's own functions only
    if scope is not None:
        for call in model.calls_in(scope):
            site = model.own_site(call)
            if site is None:
                continue
            point = model.point_of(site)
            if point is None:
                point = helper_point(model, site, True)
            if point is not None and point.kind == "request":
                found = _describe(point)
                if found is not None:
                    break
    cache[key] = found
    return found


def helper_point(model, site, local: bool) -> Optional[WrapperPoint]:
    """The call ``site`` as a request, when it calls a helper: a module-level function of another
    module of the project (``from myapp.http import get``), or a method called on ``self`` that a
    class of the project defines (a base class of another module: ``self.fetch(url, params=...)``).
    ``local``: a helper of this module counts too (a method of a base class of this module, or any
    helper when the call is itself inside a helper)."""
    callee = site.callee
    calling = None
    classes: List[ClassInfo] = []
    if type(callee) is not LocalFunction:
        # ``Site(options).fetch_json(...)``, or a method of instances that several constructions
        # make of one class: the class's method, when no instance attribute shadows it
        if site.method is None or type(callee) not in (Member, Unknown):
            return None
        # a Member's base is the receiver's value; an unknown method of a known instance comes
        # from instances of one class that several constructions make (a OneOf)
        holder = callee.base if type(callee) is Member else model.resolver.resolve(site.receiver, site.scope)
        if type(holder) not in (CallResult, OneOf):
            return None
        calling = _instance_class(model, site.receiver, site.scope, holder)
        callee = _method(model, calling, site.method) if calling is not None else None
        if callee is None:
            return None
    definer = callee.scope.parent
    if definer is None:
        return None
    if definer.kind == "module":
        if calling is not None:
            return None
        shift = 0
    elif definer.kind == "class" and callee.scope.self_name is not None:
        # a method called on the instance: ``self.fetch(...)`` in a method of the class or a subclass
        receiver, scope = site.receiver, site.scope
        if calling is None:
            calling = scope.class_info
            if type(receiver) is ast.Name and calling is not None and receiver.id == scope.self_name:
                if not local and calling is definer.class_info:
                    return None  # a call in the same class: found by wrapper_points
            else:
                calling = _instance_class(model, receiver, scope)
        if calling is None:
            return None
        classes = [calling]
        hierarchy = model.resolver._hierarchy
        if definer.class_info not in hierarchy(calling):
            # a mixin's ``self``: an instance of a class here that derives from it (all must have
            # the method, see Resolver._mixed_in_method)
            classes = model.resolver.mixers(calling)
            if not classes or any(definer.class_info not in hierarchy(other) for other in classes):
                return None
        shift = 1
    else:
        return None
    context = model.context
    owner = context._foreign(callee.scope) if context is not None else None
    if owner is None:
        if not local and shift == 0:
            return None  # this module's own function: found by wrapper_points
        if dict.get(model.index.functions, callee.node) is None:
            return None
        theirs, where = model, ""
    else:
        theirs = owner.model_if_loaded
        if theirs is None:
            return None
        where = owner.rel
    helper = helper_of(theirs, callee.node)
    if helper is None and shift == 1:
        helper = _delegating_helper(model, theirs, callee, calling)
    if helper is None:
        return None
    point = helper.point_at(site.call, site.scope, model.resolver, shift, where)
    if shift == 1 and point.client is not None:
        views = [_configured_here(model, point.client, other) for other in classes]
        if len(views) > 1 and any(view is not None for view in views):
            return None  # the classes a mixin goes into configure the client differently
        point.client = views[0] or point.client
    return point


def _delegating_helper(model, theirs, callee, calling: ClassInfo) -> Optional[Helper]:
    """A method of a base class that forwards its URL or ``**kwargs`` to a method of an object its
    ``__init__`` keeps (``def request(self, url, **kw): return self.extractor.request(url, **kw)``
    with ``self.extractor = extractor``), seen from the class ``calling`` whose instance calls it:
    a helper when the object the instances of ``calling`` keep has one method of that name (the
    object is of one class, or of several that all have the same method: see _kept_classes) and
    that method is itself a helper. ``theirs``: the model of the module that defines the method."""
    key = (id(callee.node), id(calling.node))
    cache = model._helpers
    if key in cache:
        return cache[key]
    cache[key] = None
    found: Optional[Helper] = None
    context = model.context
    for call in theirs.calls_in(callee.scope):
        func = call.func
        holder = func.value if type(func) is ast.Attribute else None
        if type(holder) is not ast.Attribute or type(holder.value) is not ast.Name \
                or holder.value.id != callee.scope.self_name:
            continue
        kept = _kept_classes(model, calling, holder.attr)
        method = _agreed_method(model, kept, func.attr) if kept is not None else None
        if method is None or method.scope.self_name is None:
            continue
        owner = context._foreign(method.scope) if context is not None else None
        defining = model if owner is None else owner.model_if_loaded
        if defining is None or (owner is None and dict.get(model.index.functions, method.node) is None):
            continue
        inner = helper_of(defining, method.node)
        site = theirs.own_site(call)
        if inner is None or site is None:
            continue
        found = _describe(inner.point_at(call, site.scope, theirs.resolver, 1, owner.rel if owner is not None else ""))
        if found is not None:
            break
    cache[key] = found
    return found


def _kept_classes(model, calling: ClassInfo, attr: str) -> Optional[List[ClassInfo]]:
    """The classes of the object instances of ``calling`` (a class of this module) keep in
    ``self.<attr>``, when an ``__init__`` (of the class or of a base class, here or in another
    module) stores its parameter there and nothing else stores it: what every construction of
    ``calling`` in this module hands over, directly when ``calling`` has no ``__init__`` of its own,
    or through its ``__init__`` passing its own parameter on (``Base.__init__(self, extractor)``,
    ``super().__init__(extractor)``). Each construction must hand over an instance of a class of the
    project (``Api(self)`` in a method of a class, or ``Api(Site(...))``); several constructions may
    hand over instances of different classes (``Api(self)`` in a class and in two of its
    subclasses): all of them, or None."""
    resolver = model.resolver
    hierarchy = resolver._hierarchy(calling)
    stores = [(klass, store) for klass in hierarchy for store in klass.self_attrs.get(attr, ())]
    if len(stores) != 1:
        return None
    keeper, (_, value, init_scope) = stores[0]
    position = _init_parameter(init_scope, value)
    if position is None:
        return None
    nearest = next((klass for klass in hierarchy if _init_of(klass) is not None), None)
    if nearest is None:
        return None
    if nearest is not keeper:
        # the class's own __init__ hands one of its parameters to the keeper's
        if nearest is not calling:
            return None
        own = _init_of(nearest)
        passed = _passed_to_init(model, own, keeper, position)
        position = _init_parameter(model.index.functions.get(own), passed) if passed is not None else None
        if position is None:
            return None
    constructions = resolver._constructions(calling, resolver._calls_named()[0])
    if not constructions:
        return None
    found: List[ClassInfo] = []
    for call, call_scope, shift in constructions:
        argument = passed_argument(call, None, position - shift)
        if not isinstance(argument, ast.AST):
            return None
        info = _instance_class(model, argument, call_scope)
        if info is None:
            return None
        if info not in found:
            found.append(info)
    return found


def _agreed_method(model, classes: List[ClassInfo], name: str):
    """The method ``name`` that instances of every one of ``classes`` have (see ``_method``): the
    same definition for all of them (``request`` that a base class defines and none of them
    overrides), or None."""
    found = None
    for info in classes:
        method = _method(model, info, name)
        if method is None or (found is not None and method.node is not found.node):
            return None
        found = method
    return found


def _init_of(klass: ClassInfo):
    """The ``__init__`` a class defines itself (a def bound once in its body), or None."""
    bindings = klass.scope.bindings.get("__init__")
    if bindings and len(bindings) == 1 and bindings[0].kind == "def":
        return bindings[0].node
    return None


def _init_parameter(scope: Optional[Scope], value) -> Optional[int]:
    """The position of the parameter (without a default) of the ``__init__`` of ``scope`` that
    ``value`` names, or None."""
    if scope is None or type(value) is not ast.Name or not isinstance(scope.node, _FUNCTION_NODES) \
            or scope.node.name != "__init__":
        return None
    bindings = scope.bindings.get(value.id)
    if not bindings or len(bindings) != 1 or bindings[0].kind != "param" or bindings[0].value is not None:
        return None
    position = parameter_position(scope.node, bindings[0].node)
    return position[0] if position is not None else None


def _passed_to_init(model, init, keeper: ClassInfo, position: int) -> Optional[ast.AST]:
    """What ``init`` (an ``__init__`` of this module) passes at ``position`` of the keeper class's
    ``__init__`` when it calls it once: ``Keeper.__init__(self, x)`` or ``super().__init__(x)``."""
    scope = model.index.functions.get(init)
    if scope is None:
        return None
    found = []
    for call in model.calls_in(scope):
        func = call.func
        if type(func) is not ast.Attribute or func.attr != "__init__":
            continue
        target = func.value
        if type(target) is ast.Call and type(target.func) is ast.Name and target.func.id == "super":
            found.append(passed_argument(call, None, position - 1))
        elif (type(target) is ast.Name and target.id == keeper.node.name) or \
                (type(target) is ast.Attribute and target.attr == keeper.node.name):
            found.append(passed_argument(call, None, position))
        else:
            found.append(None)  # another __init__ called: not followed
    if len(found) != 1 or not isinstance(found[0], ast.AST):
        return None
    return found[0]


def _instance_class(model, receiver: Optional[ast.AST], scope: Scope, holder=None) -> Optional[ClassInfo]:
    """The class of the instance a method is called on when that is not ``self``: another object's
    ``self`` that every visible caller handed over (``self.extractor.request(...)`` in a class whose
    ``__init__`` stores the ``extractor`` its constructions pass, each ``Api(self)`` in a method of
    one class), or an instance of a class of the project (``Site(options)``), made by one
    construction or several of the same class. None for anything else, or instances of different
    classes."""
    if holder is None:
        if receiver is None:
            return None
        holder = model.resolver.resolve(receiver, scope)
    found = None
    for option in (holder.options if type(holder) is OneOf else (holder,)):
        if type(option) is SelfRef:
            info = option.info
        elif type(option) is CallResult and type(option.callee) is LocalClass:
            info = option.callee.info
        else:
            return None
        if found is not None and info is not found:
            return None
        found = info
    return found


def _method(model, info: ClassInfo, name: str):
    """The method ``name`` instances of the class have (defined by it or a base class of the
    project), as a LocalFunction; None when it is no plain method or an instance attribute of that
    name may shadow it (``self.fetch = ...``)."""
    resolver = model.resolver
    if any(name in klass.self_attrs for klass in resolver._hierarchy(info)):
        return None
    found = resolver._class_binding(info, name)
    if found is None or found[1] is None or found[1].kind != "def":
        return None
    try:
        return resolver._class_value(found, name, 0)
    except KeyError:  # pragma: no cover - a method of a module whose index is not this one's
        return None


def _configured_here(model, client, info):
    """The client a base class keeps on ``self``, with what this module's methods of the calling
    class (or of its base classes here) configure on it (``self.session.params = {...}`` in the
    subclass's ``__init__``); another subclass's configuration is not this one's. None when this
    module configures it nowhere in those classes."""
    view = model.clients._objects.get(id(client.origin))
    if view is None or view is client or not view.configs or info is None:
        return None
    classes = model.resolver._hierarchy(info)
    own = []
    for config in view.configs:
        scope = config.scope
        while scope is not None and scope.kind != "function":
            scope = scope.parent
        if scope is not None and scope.class_info is not None and scope.class_info in classes:
            own.append(config)
    if not own:
        return None
    if len(own) == len(view.configs):
        return view
    seen = ClientObject(view.type, view.origin, view.scope, view.constructor, view.base)
    seen.configs.extend(own)
    return seen


def foreign_wrapper_points(model, sites) -> List[EgressPoint]:
    """Calls of helpers defined in other modules of the project (``from myapp.http import get``,
    ``from myapp import http as requests`` then ``requests.get(...)``), and of helper methods a
    subclass inherits (``self.fetch(url, params=...)`` with ``fetch`` defined by a base class, here
    or in another module): each is an egress point here, as a call of a local helper is."""
    found: List[EgressPoint] = []
    for site in sites:
        point = helper_point(model, site, False)
        if point is not None:
            found.append(point)
    return found
