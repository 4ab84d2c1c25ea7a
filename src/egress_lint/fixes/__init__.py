"""libcst fixes, applied by `egress-lint fix`. The analysis stays on ``ast``; only the top-level
statements that hold a fixable finding are parsed with libcst (the whole file when a fix changes its
imports), and each finding is mapped onto the libcst node at its position.

A fix kind is one module here with ``KIND``, ``TARGET`` (the node types a finding may stand on),
``describe(fix)``, ``apply(original, updated, fix, edit)`` and optionally ``anchor(node, parent)``;
adding a kind means adding its module to ``KINDS``.
"""
from __future__ import annotations

import ast
import re
from collections import Counter
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


def fix_source(data: bytes, diagnostics: Sequence[Diagnostic], unsafe: bool = False, path: str = "",
               whole: bool = False) -> Outcome:
    """Apply the fixes of ``diagnostics`` (found in ``data``, the bytes of ``path``) and return the new
    file bytes. Raises ``FixError`` when the file is left as it is. ``whole`` gives libcst the whole
    file even where the statements that hold the findings would do (the same bytes, slower)."""
    wanted = [d for d in diagnostics if applicable(d, unsafe)]
    if not wanted:
        return Outcome(data)
    too_deep = FixError(f"nested more than {MAX_NESTING} levels deep, beyond what the fixer can rewrite; "
                        "fix it by hand")
    from ..engine import decode_source, parse

    tree = parse(decode_source(data), "<fix>")
    depth, imported, mentions = _survey(tree)
    if depth > MAX_NESTING:
        raise too_deep
    try:
        return _fix(data, wanted, path, tree, imported, mentions, whole)
    except RecursionError:
        raise too_deep from None


def _survey(tree: ast.AST) -> Tuple[int, Set[str], Counter]:
    """How deep the tree nests, the names its import statements bind (in any scope), and how often
    each name is mentioned."""
    deepest = 0
    imported: Set[str] = set()
    mentions: Counter = Counter()
    stack = [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > deepest:
            deepest = depth
        if isinstance(node, ast.Name):
            mentions[node.id] += 1
        elif isinstance(node, ast.Import):
            imported.update(alias.asname or alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            imported.update(alias.asname or alias.name for alias in node.names)
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node))
    return deepest, imported, mentions


def _fix(data: bytes, wanted: Sequence[Diagnostic], path: str, tree: ast.Module, imported: Set[str],
         mentions: Counter, whole: bool = False) -> Outcome:
    """Only the top-level statements that hold a finding go through libcst, as small modules of
    their own whose fixed text replaces their lines; the whole file does when a fix must add or remove
    an import or delete a whole top-level statement, or the file is not plain UTF-8 (``whole``
    forces it)."""
    outcome = None if whole else _fix_statements(data, wanted, path, tree, imported, mentions)
    if outcome is None:
        outcome = _fix_module(data, wanted, path, tree, imported)
        _must_parse(outcome.source)
    return outcome


def _must_parse(source) -> None:
    try:
        ast.parse(source)
    except (SyntaxError, ValueError) as exc:
        raise FixError(f"the fixes would leave invalid Python ({exc}); file left unchanged") from None


def _parse_module(source, offset: int = 0):
    """``source`` as a libcst module; its lines are the file's less ``offset``."""
    import libcst as cst

    try:
        return cst.parse_module(source)
    except cst.ParserSyntaxError as exc:
        # libcst reads Python 3.0 to 3.13 syntax, but not what only the oldest grammar allows
        # (`async` as a name), which the analysis still reads.
        raise FixError(f"the fixer cannot parse this file (libcst: syntax error near line {exc.raw_line + offset}); "
                       "fix it by hand") from None


def _fix_module(data: bytes, wanted: Sequence[Diagnostic], path: str, tree: ast.Module, imported: Set[str]) -> Outcome:
    """The whole file as one libcst module: positions and parents for the top-level statements that
    hold a finding only, one transformer pass, and the import changes."""
    module = _parse_module(data)
    positions, parents = _positions_and_parents(module, tree, [(d.line, d.end_line) for d in wanted])
    outcome = Outcome(data)
    module, edit = _edit(module, wanted, path, imported, positions, parents, outcome)
    module = edit.finish(module)
    outcome.source = edit.source if edit.source is not None else module.bytes
    return outcome


_NEWLINE = re.compile(rb"\r\n|\r|\n")
_COOKIE = re.compile(rb"^[ \t\f]*#.*?coding[:=]", re.MULTILINE)


def _fix_statements(data: bytes, wanted: Sequence[Diagnostic], path: str, tree: ast.Module,
                    imported: Set[str], mentions: Counter) -> Optional[Outcome]:
    """The fixed file, made statement by statement, or None when the whole file must be fixed. Each
    fixed statement must parse on its own (top-level statements do not depend on one another's
    syntax), so the rest of the file need not be parsed again."""
    head = b"".join(data.splitlines(keepends=True)[:2])
    if data.startswith(b"\xef\xbb\xbf") or _COOKIE.search(head):
        return None  # bytes and characters may not line up as in plain UTF-8
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    starts = [0] + [m.end() for m in _NEWLINE.finditer(data)]
    if starts[-1] != len(data):
        starts.append(len(data))  # a last line without a newline
    spans = [(min([s.lineno] + [d.lineno for d in getattr(s, "decorator_list", ())]), s.end_lineno) for s in tree.body]
    chunks: List[List] = []  # [first line, last line, diagnostics], in file order, not overlapping
    for diagnostic in sorted(wanted, key=lambda d: d.line):
        holder = next((span for span in spans if span[0] <= diagnostic.line and diagnostic.end_line <= span[1]), None)
        if holder is None:
            return None
        first, last = holder
        # Statements that share a line (`a = 1; b = 2`) go together.
        for other in spans:
            if other[0] <= last and first <= other[1]:
                first, last = min(first, other[0]), max(last, other[1])
        if chunks and first <= chunks[-1][1]:
            chunks[-1][0], chunks[-1][1] = min(first, chunks[-1][0]), max(last, chunks[-1][1])
            chunks[-1][2].append(diagnostic)
        else:
            chunks.append([first, last, [diagnostic]])
    outcome = Outcome(data)
    pieces, done = [], 0
    for first, last, found in chunks:
        begin, end = starts[first - 1], starts[min(last, len(starts) - 1)]
        module = _parse_module(data[begin:end].decode("utf-8"), offset=first - 1)
        positions, parents = _positions_and_parents(module, None, ())
        new, edit = _edit(module, found, path, imported, positions, parents, outcome, offset=first - 1,
                          mentions=mentions)
        if edit.needs_imports or len(new.body) != len(module.body):
            return None
        code = new.code.encode("utf-8")
        _must_parse(code)
        pieces += [data[done:begin], code]
        done = end
    outcome.source = b"".join(pieces) + data[done:]
    return outcome


def _edit(module, wanted: Sequence[Diagnostic], path: str, imported, positions, parents, outcome: Outcome,
          offset: int = 0, mentions: Optional[Counter] = None):
    """``module`` with the fixes of ``wanted`` applied (their lines less ``offset``) in one
    transformer pass that descends only towards the nodes to change, and the Edit that holds the
    import changes still to make."""
    import libcst as cst

    from .edit import Edit, KeepComments

    at: Dict[Tuple[int, int, int, int], List[cst.CSTNode]] = {}
    for node, where in positions.items():
        at.setdefault((where.start.line, where.start.column, where.end.line, where.end.column), []).append(node)
    edits: Dict[cst.CSTNode, List[Tuple[object, Diagnostic]]] = {}
    above: Set[cst.CSTNode] = set()  # the nodes with a node to change somewhere below them
    for diagnostic in wanted:
        kind = KINDS[diagnostic.fix.kind]
        key = (diagnostic.line - offset, diagnostic.col - 1, diagnostic.end_line - offset, diagnostic.end_col - 1)
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

    edit = Edit(module, path, imported, mentions)

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

    return module.visit(Apply()), edit


def _positions_and_parents(module, tree: ast.Module, spans: Sequence[Tuple[int, int]]):
    """Where each node of the top-level statements holding a span of lines stands (libcst's syntactic
    positions, as its position provider would give them), and each node's parent, from one
    code-generation pass over those statements only. libcst's own route (a metadata wrapper with its
    position and parent providers) copies the module and generates all of it twice; it remains the
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
        statements = _statement_lines(module, tree) if tree is not None else None
        if statements is None:
            module._codegen(state)
        else:
            for statement, first, last in statements:
                if any(first <= line and end <= last for line, end in spans):
                    state.line, state.column = first - len(statement.leading_lines), 0
                    state.parents[statement] = module
                    statement._codegen(state)
        return provider._computed, state.parents
    except (ImportError, AttributeError, TypeError):  # pragma: no cover - another libcst
        from libcst.metadata import MetadataWrapper, ParentNodeProvider, PositionProvider

        wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
        return wrapper.resolve(PositionProvider), wrapper.resolve(ParentNodeProvider)


def _statement_lines(module, tree: ast.Module):
    """Each top-level libcst statement with the first and last line of its code (decorators
    included, the comments above it not), read from the ``ast`` of the same bytes; None when the two
    parsers' statements do not pair up."""
    import libcst as cst

    body, i, out = tree.body, 0, []
    for statement in module.body:
        n = len(statement.body) if isinstance(statement, cst.SimpleStatementLine) else 1
        if i + n > len(body):
            return None
        first = min([body[i].lineno] + [d.lineno for d in getattr(body[i], "decorator_list", ())])
        out.append((statement, first, body[i + n - 1].end_lineno))
        i += n
    return out if i == len(body) else None


def describe(diagnostic: Diagnostic) -> str:
    return KINDS[diagnostic.fix.kind].describe(diagnostic.fix)
