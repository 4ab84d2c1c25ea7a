"""Units of work: the statements and expressions the analysis and the rules walk one at a time.

Every list the rules and the shared analysis walk item by item (call sites, egress points, client
objects and their configuration statements, attribute and subscript stores, TLS weakenings,
connections, environment writes) is a ``Units`` list. Walking one records, on one stack, which item
is being worked on; nothing else changes, and the cost is one Python-level step per item.

When a rule raises, the engine asks ``blame`` for the innermost item of the file being worked on at
that moment, adds it to the skipped set, and checks the file again from a fresh model: every walk
then passes over that statement or expression, for every rule. An error in one expression so costs
that expression's findings, not the rule's findings for the whole file (docs/robustness.md).
"""
from __future__ import annotations

import ast
from contextlib import contextmanager
from typing import Iterable, Iterator, List, Optional

# [item] for each walk in progress, outermost first. A walk that advances ends every walk above it
# (an inner loop is over once its outer loop moves on).
_STACK: List[tuple] = []
# The nodes whose units every walk passes over (empty: nothing is skipped, the usual case).
_SKIPPED: frozenset = frozenset()


class Units(list):
    """A list whose iteration records the item being worked on (see the module's doc)."""

    __slots__ = ()

    def __iter__(self) -> Iterator:
        return _walk(list.__iter__(self))


def _walk(items: Iterator) -> Iterator:
    # A generator: resuming one costs less than a method call. It has no ``finally``, so a walk that
    # is abandoned (``break``, or an exception unwinding through it) leaves its entry for ``blame``.
    stack = _STACK
    entry = [None]
    depth = len(stack)
    stack.append(entry)
    for item in items:
        if _SKIPPED and unit_node(item) in _SKIPPED:
            continue
        if depth >= len(stack) or stack[depth] is not entry:
            depth = len(stack)  # an outer walk moved on and ended this one: it goes on top again
            stack.append(entry)
        elif len(stack) > depth + 1:
            del stack[depth + 1:]  # the walks started for the previous item are over
        entry[0] = item
        yield item
    if depth < len(stack) and stack[depth] is entry:
        del stack[depth:]


def unit_node(item) -> Optional[ast.AST]:
    """The statement or expression a unit stands for: the node itself, a tuple's first node (the
    index's ``(call, scope)`` and ``(statement, target, value, scope)``), or the ``node`` / ``call``
    / ``origin`` of an analysis object (egress point, weakening, connection, call site, client)."""
    if isinstance(item, ast.AST):
        return item
    if isinstance(item, tuple):
        for part in item:
            node = unit_node(part)
            if node is not None:
                return node
        return None
    for attr in ("node", "call", "origin"):
        node = getattr(item, attr, None)
        if isinstance(node, ast.AST):
            return node
    return None


def reset() -> None:
    """Forget the walks in progress (a rule starts, or one ended with an error)."""
    del _STACK[:]


def blame(tree: ast.AST) -> Optional[ast.AST]:
    """The innermost unit of ``tree`` being worked on (walks over other modules' lists are passed
    over: the unit of this file that led there is blamed), or None when no walk was in progress."""
    if not _STACK:
        return None
    own = None
    for entry in reversed(_STACK):
        node = unit_node(entry[0]) if entry[0] is not None else None
        if node is None:
            continue
        if own is None:
            own = {id(n) for n in ast.walk(tree)}
        if id(node) in own:
            return node
    return None


@contextmanager
def skipping(nodes: Iterable[ast.AST]) -> Iterator[None]:
    """Walks pass over the units of these nodes while the block runs."""
    global _SKIPPED
    previous = _SKIPPED
    _SKIPPED = frozenset(nodes)
    reset()
    try:
        yield
    finally:
        _SKIPPED = previous
        reset()
