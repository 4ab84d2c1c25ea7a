"""Writes to the process environment: ``os.environ[k] = v``, ``os.environ.update(...)``,
``os.environ.setdefault(k, v)`` and ``os.putenv(k, v)``."""
from __future__ import annotations

import ast
from typing import List, Optional, Tuple

from .model import SemanticModel
from .units import Units
from .values import DictVal, Ref, Value

_ENVIRON = "os.environ"


class EnvironmentWrite:
    __slots__ = ("node", "key", "value", "how")

    def __init__(self, node: ast.AST, key: Optional[str], value: Value, how: str) -> None:
        self.node = node  # the statement or call that writes
        self.key = key  # the variable name, when known
        self.value = value
        self.how = how  # how the source spells it, for messages


def environment_writes(model: SemanticModel) -> List[EnvironmentWrite]:
    found: List[EnvironmentWrite] = Units()
    resolve = model.resolve
    for stmt, target, value, scope in model.index.subscript_stores:
        if value is None or not _is_environ(resolve(target.value, scope)):
            continue
        key = resolve(target.slice, scope)
        found.append(EnvironmentWrite(stmt, _text(key), resolve(value, scope), "os.environ[...]"))
    for site in model.method_calls("update", "setdefault"):
        if not _is_environ(resolve(site.receiver, site.scope)):
            continue
        call = site.call
        if site.method == "setdefault" and len(call.args) >= 2:
            found.append(EnvironmentWrite(call, _text(resolve(call.args[0], site.scope)),
                                          resolve(call.args[1], site.scope), "os.environ.setdefault()"))
            continue
        for name, expr, scope in _update_entries(model, site):
            found.append(EnvironmentWrite(call, name, resolve(expr, scope), "os.environ.update()"))
    for site in model.calls_to("os.putenv"):
        call = site.call
        if len(call.args) >= 2:
            found.append(EnvironmentWrite(call, _text(resolve(call.args[0], site.scope)),
                                          resolve(call.args[1], site.scope), "os.putenv()"))
    found.sort(key=lambda w: (w.node.lineno, w.node.col_offset))
    return found


def _update_entries(model: SemanticModel, site) -> List[Tuple[str, ast.AST, object]]:
    entries = [(k.arg, k.value, site.scope) for k in site.call.keywords if k.arg]
    for arg in site.call.args:
        mapping = model.resolve(arg, site.scope)
        if isinstance(mapping, DictVal):
            entries += [(name, expr, scope) for name, (expr, scope) in
                        model.resolver.dict_entries(mapping, site.call).items()]
    return entries


def _is_environ(value: Value) -> bool:
    return isinstance(value, Ref) and value.qualname == _ENVIRON


def _text(value: Value) -> Optional[str]:
    inner = getattr(value, "value", None)
    return inner if isinstance(inner, str) else None
