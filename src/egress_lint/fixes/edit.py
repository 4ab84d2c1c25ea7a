"""What every fix kind shares: spelling a replacement the way the file spells its imports,
scheduling imports a fix may orphan, and removing statements without losing comments."""
from __future__ import annotations

from typing import Dict, List, Optional, Sequence, Tuple, Union

import libcst as cst
from libcst.codemod import CodemodContext
from libcst.codemod.visitors import AddImportsVisitor, RemoveImportsVisitor
from libcst.helpers import get_full_name_for_node

from ..diagnostics import Fix


class Edit:
    """One file's edit session: the parsed module, its codemod context and the imports to adjust."""

    def __init__(self, wrapper: cst.MetadataWrapper) -> None:
        self.module = wrapper.module
        self.context = CodemodContext(wrapper=wrapper)
        self._added: Dict[str, str] = {}  # name -> module of the from-imports this edit adds

    def parse_expression(self, source: str) -> cst.BaseExpression:
        return cst.parse_expression(source, config=self.module.config_for_parsing)

    def spell(self, qualname: str, original: cst.BaseExpression) -> cst.BaseExpression:
        """An expression for ``qualname`` written like ``original``, a sibling name in the same module:
        ``s.CERT_NONE`` -> ``s.CERT_REQUIRED`` keeps the alias; a from-imported name gets a from-import;
        anything else the module spelled in full with an ``import``."""
        module, _, name = qualname.rpartition(".")
        if isinstance(original, cst.Attribute):
            return original.with_changes(attr=cst.Name(name))
        if isinstance(original, cst.Name):
            # One import per name, even when the originals came from different modules.
            source = self._added.setdefault(
                name, self._imported_from(name) or self._imported_from(original.value) or module)
            AddImportsVisitor.add_needed_import(self.context, source, name)
            return cst.Name(name)
        AddImportsVisitor.add_needed_import(self.context, module)
        return self.parse_expression(qualname)

    def _imported_from(self, local: str) -> Optional[str]:
        """The module a top-level ``from M import x`` took ``local`` from, so the new name joins it
        (``from paramiko.client import WarningPolicy`` gives ``from paramiko.client import RejectPolicy``)."""
        for line in self.module.body:
            for stmt in getattr(line, "body", ()) if isinstance(line, cst.SimpleStatementLine) else ():
                if isinstance(stmt, cst.ImportFrom) and not stmt.relative and stmt.module is not None \
                        and not isinstance(stmt.names, cst.ImportStar) \
                        and any((a.evaluated_alias or a.evaluated_name) == local for a in stmt.names):
                    return get_full_name_for_node(stmt.module)
        return None

    def value(self, fix: Fix, original: cst.BaseExpression) -> cst.BaseExpression:
        """The replacement a fix's detail names: a ``literal`` (a string keeps the quotes the file
        used) or a qualified ``name``."""
        literal = fix.get("literal")
        if literal is None:
            return self.spell(fix.get("name"), original)
        new = self.parse_expression(literal)
        if isinstance(new, cst.SimpleString) and isinstance(original, cst.SimpleString):
            quote = original.quote
            return cst.SimpleString(f"{original.prefix}{quote}{new.raw_value}{quote}")
        return new

    def discard(self, original: cst.CSTNode) -> None:
        """The fix drops ``original`` (a node of the parsed module): an import only it used must go
        too. Imports that stay in use elsewhere are kept."""
        try:
            RemoveImportsVisitor.remove_unused_import_by_node(self.context, original)
        except ValueError:
            # A name from a relative import: libcst cannot place it without the package name, so that
            # import stays.
            pass

    def finish(self, module: cst.Module) -> cst.Module:
        """Add the imports replacements need, then drop the ones fixes orphaned. Adding first lets a
        new name join the from-import it replaces."""
        module = AddImportsVisitor(self.context).transform_module(module)
        return _KeepCommentsRemoveImports(self.context).transform_module(module)


class KeepComments(cst.CSTTransformer):
    """Removing a statement line must not take the comments and blank lines above it: they move to the
    next statement of the same block, or to the block's footer. A block left empty gets ``pass``
    below them."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._pending: List[List[cst.EmptyLine]] = []

    def on_visit(self, node: cst.CSTNode) -> bool:
        if isinstance(node, (cst.Module, cst.IndentedBlock)):
            self._pending.append([])
        return super().on_visit(node)

    def on_leave(self, original_node: cst.CSTNode, updated_node: cst.CSTNode):
        result = super().on_leave(original_node, updated_node)
        if isinstance(original_node, (cst.Module, cst.IndentedBlock)):
            pending = self._pending.pop()
            if isinstance(result, cst.IndentedBlock) and not result.body:
                # Written out, so the comments stay above it rather than after the implied `pass`.
                result = result.with_changes(body=(cst.SimpleStatementLine((cst.Pass(),), leading_lines=pending),))
            elif pending and isinstance(result, (cst.Module, cst.IndentedBlock)):
                result = result.with_changes(footer=(*pending, *result.footer))
            return result
        if isinstance(original_node, (cst.SimpleStatementLine, cst.SimpleStatementSuite)) \
                and isinstance(result, (cst.SimpleStatementLine, cst.SimpleStatementSuite)):
            result = _tidy_small_statements(original_node, result)
        if isinstance(original_node, cst.BaseStatement) and self._pending:
            pending = self._pending[-1]
            if _dropped(result):
                pending.extend(original_node.leading_lines)
                return cst.RemoveFromParent()
            if pending and isinstance(result, cst.BaseStatement):
                result = result.with_changes(leading_lines=_join_lines(pending, result.leading_lines))
                pending.clear()
        return result


def _join_lines(carried: Sequence[cst.EmptyLine], own: Sequence[cst.EmptyLine]) -> Tuple[cst.EmptyLine, ...]:
    """Blank lines that framed a removed statement fold into the next statement's own blank lines,
    so removing a statement does not leave a run of blank lines."""
    carried = list(carried)
    if own and own[0].comment is None:
        while carried and carried[-1].comment is None:
            carried.pop()
    return (*carried, *own)


def _dropped(result: Union[cst.CSTNode, cst.RemovalSentinel, cst.FlattenSentinel]) -> bool:
    return isinstance(result, cst.RemovalSentinel) or (
        isinstance(result, cst.SimpleStatementLine) and not result.body)


def _tidy_small_statements(original, updated):
    if len(updated.body) == len(original.body):
        return updated
    if not updated.body:
        return updated.with_changes(body=(cst.Pass(),)) if isinstance(updated, cst.SimpleStatementSuite) else updated
    # `a = 1; f()` without `f()` must not keep the semicolon that joined them.
    last = updated.body[-1].with_changes(semicolon=cst.MaybeSentinel.DEFAULT)
    return updated.with_changes(body=(*updated.body[:-1], last))


class _KeepCommentsRemoveImports(KeepComments, RemoveImportsVisitor):
    pass


REMOVE = cst.RemovalSentinel.REMOVE
Result = Optional[Union[cst.CSTNode, cst.RemovalSentinel]]
