"""libcst fixes, applied by `egress-lint fix`. The analysis stays on ``ast``; only files with a
fixable finding are parsed with libcst, and each finding is mapped onto the libcst node at its
position.

A fix kind is one module here with ``KIND``, ``TARGET`` (the node types a finding may stand on),
``describe(fix)``, ``apply(original, updated, fix, edit)`` and optionally ``anchor(node, parent)``;
adding a kind means adding its module to ``KINDS``.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Set, Tuple

from ..diagnostics import Diagnostic
from . import (add_keyword, remove_keyword, remove_statement, replace_argument, replace_callee,
               replace_keyword_value, replace_scheme, replace_value)

KINDS = {module.KIND: module for module in (
    remove_keyword, replace_keyword_value, remove_statement, replace_value, replace_callee, replace_argument,
    replace_scheme, add_keyword)}


def applicable(diagnostic: Diagnostic, unsafe: bool) -> bool:
    fix = diagnostic.fix
    return fix is not None and fix.kind in KINDS and (fix.safe or unsafe)


@dataclass
class Outcome:
    source: bytes
    applied: List[Diagnostic] = field(default_factory=list)
    not_applied: List[Diagnostic] = field(default_factory=list)  # the code at the position is not what the fix expects


class FixError(Exception):
    """The fixes would not leave valid Python: the file is left as it is."""


# libcst recurses once or more per level of nesting: 300 nested operands were fixed, 400 exhausted
# the default recursion limit and about 10,000 overflowed its native parser's stack (a segfault).
MAX_NESTING = 200


def fix_source(data: bytes, diagnostics: Sequence[Diagnostic], unsafe: bool = False, path: str = "") -> Outcome:
    """Apply the fixes of ``diagnostics`` (found in ``data``, the bytes of ``path``) and return the new
    file bytes. Raises ``FixError`` when the file is left as it is."""
    wanted = [d for d in diagnostics if applicable(d, unsafe)]
    if not wanted:
        return Outcome(data)
    too_deep = FixError(f"nested more than {MAX_NESTING} levels deep, beyond what the fixer can rewrite; "
                        "fix it by hand")
    if _nesting(data) > MAX_NESTING:
        raise too_deep
    try:
        return _fix(data, wanted, path)
    except RecursionError:
        raise too_deep from None


def _nesting(data: bytes) -> int:
    from ..engine import decode_source, parse

    deepest = 0
    stack = [(parse(decode_source(data), "<fix>"), 0)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node))
    return deepest


def _fix(data: bytes, wanted: Sequence[Diagnostic], path: str) -> Outcome:
    """One libcst parse, one pass for positions and parents, one transformer pass that descends only
    towards the nodes to change, and, when a fix dropped a name, one pass over the statements to
    remove the imports it orphaned."""
    import libcst as cst

    from .edit import Edit, KeepComments

    try:
        module = cst.parse_module(data)
    except cst.ParserSyntaxError as exc:
        # libcst reads Python 3.0 to 3.13 syntax, but not what only the oldest grammar allows
        # (`async` as a name), which the analysis still reads.
        raise FixError(f"the fixer cannot parse this file (libcst: syntax error near line {exc.raw_line}); "
                       "fix it by hand") from None
    positions, parents = _positions_and_parents(module)
    at: Dict[Tuple[int, int, int, int], List[cst.CSTNode]] = {}
    for node, where in positions.items():
        at.setdefault((where.start.line, where.start.column, where.end.line, where.end.column), []).append(node)

    outcome = Outcome(data)
    edits: Dict[cst.CSTNode, List[Tuple[object, Diagnostic]]] = {}
    above: Set[cst.CSTNode] = set()  # the nodes with a node to change somewhere below them
    for diagnostic in wanted:
        kind = KINDS[diagnostic.fix.kind]
        key = (diagnostic.line, diagnostic.col - 1, diagnostic.end_line, diagnostic.end_col - 1)
        node = next((n for n in at.get(key, ()) if isinstance(n, kind.TARGET)), None)
        anchor = getattr(kind, "anchor", None)
        if node is not None and anchor is not None:
            node = anchor(node, parents.get(node))
        if node is None:
            outcome.not_applied.append(diagnostic)
            continue
        edits.setdefault(node, []).append((kind, diagnostic))
        outcome.applied.append(diagnostic)
        parent = parents.get(node)
        while parent is not None and parent not in above:
            above.add(parent)
            parent = parents.get(parent)

    edit = Edit(module, path)

    class Apply(KeepComments):
        """Descends only towards the nodes to change; the statements beside them are left (and
        still take the comments of a removed statement before them)."""

        def on_visit(self, node):
            super().on_visit(node)
            return node in above

        def on_leave(self, original_node, updated_node):
            for kind, diagnostic in edits.get(original_node, ()):
                updated_node = kind.apply(original_node, updated_node, diagnostic.fix, edit)
                if isinstance(updated_node, cst.RemovalSentinel):
                    break
            return super().on_leave(original_node, updated_node)

    module = edit.finish(module.visit(Apply()))
    outcome.source = edit.source if edit.source is not None else module.bytes
    try:
        ast.parse(outcome.source)
    except (SyntaxError, ValueError) as exc:
        raise FixError(f"the fixes would leave invalid Python ({exc}); file left unchanged") from None
    return outcome


def _positions_and_parents(module):
    """Where each node of ``module`` stands (libcst's syntactic positions) and each node's parent,
    from one code-generation pass over the module itself. libcst's own route (a metadata wrapper with
    its position and parent providers) copies the module and walks it twice; it is kept as the
    fallback should the code-generation state this relies on change."""
    try:
        from dataclasses import dataclass, field
        from types import SimpleNamespace

        from libcst.metadata.position_provider import PositionProvidingCodegenState

        @dataclass
        class State(PositionProvidingCodegenState):
            parents: dict = field(default_factory=dict)
            open_nodes: list = field(default_factory=list)

            def before_codegen(self, node) -> None:
                if self.open_nodes:
                    self.parents[node] = self.open_nodes[-1]
                self.open_nodes.append(node)
                super().before_codegen(node)

            def after_codegen(self, node) -> None:
                super().after_codegen(node)
                self.open_nodes.pop()

        provider = SimpleNamespace(_computed={})
        state = State(default_indent=module.default_indent, default_newline=module.default_newline,
                      provider=provider)
        module._codegen(state)
        return provider._computed, state.parents
    except (ImportError, AttributeError, TypeError):  # pragma: no cover - another libcst
        from libcst.metadata import MetadataWrapper, ParentNodeProvider, PositionProvider

        wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
        return wrapper.resolve(PositionProvider), wrapper.resolve(ParentNodeProvider)


def describe(diagnostic: Diagnostic) -> str:
    return KINDS[diagnostic.fix.kind].describe(diagnostic.fix)
