"""What every fix kind shares: spelling a replacement the way the file spells its imports,
adding the imports a replacement needs, removing imports a fix orphans, and removing statements
without losing comments.

Nothing here runs libcst's metadata providers or codemod passes over the whole file: a name a fix
drops is looked up in the fixed file's ``ast`` (cheap), and only import statements are revisited.
"""
from __future__ import annotations

import ast
import os
from collections import Counter
from typing import Dict, Iterator, List, Optional, Sequence, Set, Tuple, Union

import libcst as cst

from ..diagnostics import Fix


class Edit:
    """One file's edit session: the parsed module, the imports to add and the names fixes dropped."""

    def __init__(self, module: cst.Module, path: str = "", imported: Optional[Set[str]] = None,
                 mentions: Optional[Counter] = None) -> None:
        self.module = module
        self.path = path
        self._imported = imported  # the names the file's imports bind (None: not known)
        self._mentions = mentions  # how often the whole file mentions each name (None: not known)
        self._dropped_mentions: Counter = Counter()
        self._added: Dict[str, str] = {}  # name -> module of the from-imports this edit adds
        self._needed: List[Tuple[str, Optional[str]]] = []  # (module, name): `from module import name`
        self._dropped: Set[str] = set()  # names the removed code referred to
        self.source: Optional[bytes] = None  # the bytes of what finish() returned, once parsed by ast

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
            self._need(source, name)
            return cst.Name(name)
        self._need(module, None)
        return self.parse_expression(qualname)

    @property
    def needs_imports(self) -> bool:
        """Whether finishing this edit may add or remove an import: an import is needed, or a name an
        import binds may have lost its last use."""
        if self._needed:
            return True
        dropped = self._dropped if self._imported is None else self._dropped & self._imported
        if self._mentions is None:
            return bool(dropped)
        # libcst's count of a dropped expression's names is never below ast's count of them.
        return any(self._dropped_mentions[name] >= self._mentions[name] for name in dropped)

    def _need(self, module: str, name: Optional[str]) -> None:
        if (module, name) not in self._needed:
            self._needed.append((module, name))

    def _imported_from(self, local: str) -> Optional[str]:
        """The module a top-level ``from M import x`` took ``local`` from, so the new name joins it
        (``from paramiko.client import WarningPolicy`` gives ``from paramiko.client import RejectPolicy``)."""
        for stmt in _top_level_imports(self.module):
            if isinstance(stmt, cst.ImportFrom) and not stmt.relative and stmt.module is not None \
                    and not isinstance(stmt.names, cst.ImportStar) \
                    and any((a.evaluated_alias or a.evaluated_name) == local for a in stmt.names):
                return _dotted(stmt.module)
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
        """The fix drops ``original`` (a node of the parsed module): an import only it used goes too.
        Imports still used elsewhere in the file stay, and so do imports other modules may take from
        this one (see ``_RemoveImports``)."""
        names = _NamesUsed()
        original.visit(names)
        self._dropped |= set(names.found)
        self._dropped_mentions.update(names.found)

    def finish(self, module: cst.Module) -> cst.Module:
        """Add the imports replacements need, then drop the ones fixes orphaned. Adding first lets a
        new name join the from-import it replaces."""
        missing = [(source, name) for source, name in self._needed if not _imports(module, source, name)]
        if missing:
            module = _add_imports(module, missing)
        if self._imported is not None:
            self._dropped &= self._imported  # `False`, a local variable: no import to remove
        if self._dropped:
            source = module.bytes
            try:
                tree = ast.parse(source)
            except (SyntaxError, ValueError, RecursionError):
                return module  # reported as invalid Python by the caller
            orphaned = (self._dropped & names_imported(tree)) - _names_used(tree)
            if not orphaned:
                self.source = source  # already parsed: valid Python
                return module
            module = module.visit(_RemoveImports(orphaned, _reexports_its_imports(self.path)))
        return module


def _dotted(node: Union[cst.Name, cst.Attribute]) -> str:
    if isinstance(node, cst.Name):
        return node.value
    return f"{_dotted(node.value)}.{node.attr.value}"  # type: ignore[arg-type]


def _top_level_imports(module: cst.Module) -> Iterator[Union[cst.Import, cst.ImportFrom]]:
    for line in module.body:
        if isinstance(line, cst.SimpleStatementLine):
            for stmt in line.body:
                if isinstance(stmt, (cst.Import, cst.ImportFrom)):
                    yield stmt


def _imports(module: cst.Module, source: str, name: Optional[str]) -> bool:
    """Whether a top-level statement already imports ``source`` (``name`` None) or ``name`` from it
    under its own name. When unsure this says no, and libcst's import adder decides."""
    for stmt in _top_level_imports(module):
        if name is None and isinstance(stmt, cst.Import):
            if any(a.asname is None and _dotted(a.name) == source for a in stmt.names):
                return True
        elif name is not None and isinstance(stmt, cst.ImportFrom) and not stmt.relative \
                and stmt.module is not None and _dotted(stmt.module) == source \
                and not isinstance(stmt.names, cst.ImportStar):
            if any(a.asname is None and _dotted(a.name) == name for a in stmt.names):
                return True
    return False


def _add_imports(module: cst.Module, missing: Sequence[Tuple[str, Optional[str]]]) -> cst.Module:
    """libcst's import adder places a new import as a reader expects (joining a from-import of the
    same module, after the last top-level import). It is only loaded when an import is missing."""
    from libcst.codemod import CodemodContext
    from libcst.codemod.visitors import AddImportsVisitor

    context = CodemodContext()
    for source, name in missing:
        AddImportsVisitor.add_needed_import(context, source, name)
    # A plain visit: the adder needs no metadata, so transform_module's copy of the tree is not needed.
    return module.visit(AddImportsVisitor(context))


class _NamesUsed(cst.CSTVisitor):
    """The names an expression or statement reads: ``a`` of ``a.b.c``, not the keyword of ``f(k=v)``."""

    def __init__(self) -> None:
        super().__init__()
        self.found: Counter = Counter()

    def visit_Name(self, node: cst.Name) -> None:
        self.found[node.value] += 1

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        node.value.visit(self)
        return False

    def visit_Arg(self, node: cst.Arg) -> bool:
        node.value.visit(self)
        return False

    def visit_Param(self, node: cst.Param) -> bool:
        for part in (node.annotation, node.default):
            if part is not None:
                part.visit(self)
        return False


def names_imported(tree: ast.Module) -> Set[str]:
    """The names import statements bind, in any scope."""
    bound: Set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            bound.update(alias.asname or alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            bound.update(alias.asname or alias.name for alias in node.names)
    return bound


def _names_used(tree: ast.Module) -> Set[str]:
    """Every name the module mentions (in any scope), the strings of ``__all__`` and the names in
    string annotations: an import bound to one of them is still in use."""
    used: Set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            used.add(node.id)
        elif isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets) and node.value is not None:
                used.update(_strings(node.value))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "__all__":
            for arg in node.args:  # __all__.extend([...]) / __all__.append("x")
                used.update(_strings(arg))
        annotations = []
        if isinstance(node, ast.arg) and node.annotation is not None:
            annotations.append(node.annotation)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.returns is not None:
            annotations.append(node.returns)
        elif isinstance(node, ast.AnnAssign):
            annotations.append(node.annotation)
        for annotation in annotations:
            for text in _strings(annotation):
                try:
                    inner = ast.parse(text.strip(), mode="eval")
                except (SyntaxError, ValueError, RecursionError):
                    continue
                used.update(n.id for n in ast.walk(inner) if isinstance(n, ast.Name))
    return used


def _strings(node: ast.AST) -> Iterator[str]:
    for child in ast.walk(node):
        if isinstance(child, ast.Constant) and isinstance(child.value, str):
            yield child.value


def _reexports_its_imports(path: str) -> bool:
    """A package's ``__init__`` and a compatibility module (``compat.py``, ``_compat.py``,
    ``py3compat.py``) exist to be imported from: each of their top-level imports is a public name."""
    name = os.path.basename(path).lower()
    return name == "__init__.py" or "compat" in os.path.splitext(name)[0]


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


REMOVE = cst.RemovalSentinel.REMOVE
Result = Optional[Union[cst.CSTNode, cst.RemovalSentinel]]


class _RemoveImports(KeepComments):
    """Removes the imports bound to ``orphaned`` names (names the fixes dropped and nothing else in
    the file uses). Kept: relative and ``__future__`` imports, ``import x as x`` (the spelling of a
    deliberate re-export), and in a module that re-exports its imports every top-level import. Only
    statements are visited, never expressions."""

    def __init__(self, orphaned: Set[str], reexports: bool) -> None:
        super().__init__()
        self.orphaned = orphaned
        self.reexports = reexports
        self._depth = 0  # functions and classes around the statement

    def on_visit(self, node: cst.CSTNode) -> bool:
        if isinstance(node, (cst.BaseExpression, cst.BaseSmallStatement, cst.Decorator)):
            return False
        if isinstance(node, (cst.FunctionDef, cst.ClassDef)):
            self._depth += 1
        return super().on_visit(node)

    def on_leave(self, original_node, updated_node):
        if isinstance(original_node, (cst.FunctionDef, cst.ClassDef)):
            self._depth -= 1
        elif isinstance(original_node, (cst.Import, cst.ImportFrom)):
            updated_node = self._without_orphans(updated_node)
        return super().on_leave(original_node, updated_node)

    def _without_orphans(self, node: Union[cst.Import, cst.ImportFrom]):
        if isinstance(node, cst.ImportFrom) and (node.relative or isinstance(node.names, cst.ImportStar)
                                                 or node.module is None or _dotted(node.module) == "__future__"):
            return node
        if self.reexports and self._depth == 0:
            return node
        names = list(node.names)  # type: ignore[arg-type]
        keep = [alias for alias in names if not self._orphan(alias, isinstance(node, cst.Import))]
        if len(keep) == len(names):
            return node
        if not keep:
            return cst.RemoveFromParent()
        if keep[-1] is not names[-1]:
            keep[-1] = keep[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        return node.with_changes(names=tuple(keep))

    def _orphan(self, alias: cst.ImportAlias, plain_import: bool) -> bool:
        dotted = _dotted(alias.name)
        if alias.asname is not None:
            bound = alias.evaluated_alias
            if bound == dotted:
                return False  # `import x as x`: re-exported on purpose
        else:
            bound = dotted.split(".")[0] if plain_import else dotted
        return bound in self.orphaned
