"""Stable identities for findings, shared by the JSON and SARIF output and the baseline.

A fingerprint hashes what a finding *is* — its code, its message with numbers masked, the reported
call or statement as normalised tokens, and the function or class it is in — and leaves out where it
is and how it is laid out, so it survives line shifts, edits elsewhere in the file, and a formatter
(black, ruff format): whitespace, line breaks, comments, quote style, string prefixes and trailing
commas do not count. Two identical findings in one scope share a fingerprint; their ``occurrence``
(1, 2, ... in line order) tells them apart, so a baseline can count them.
"""
from __future__ import annotations

import ast
import bisect
import hashlib
import io
import re
import tokenize
from collections import Counter
from functools import lru_cache
from typing import Iterable, Iterator, List, Optional, Sequence, Tuple

from .diagnostics import Diagnostic

VERSION = "v2"
_NUMBER = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")
_SKIP = {tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER}
_CLOSERS = {")", "]", "}"}
_FSTRING_EDGES = {getattr(tokenize, name) for name in ("FSTRING_START", "FSTRING_END") if hasattr(tokenize, name)}


def fingerprint(code: str, message: str, lines: Sequence[str], line: int, end_line: int,
                col: int = 0, end_col: int = -1, scope: str = "") -> str:
    """``col``/``end_col`` are 0-based character columns of the reported node (``end_col`` -1: to
    the end of ``end_line``); ``scope`` is the dotted name of the enclosing functions and classes."""
    # Messages may point at other lines ("verify=False via SETTINGS, line 16"): mask the numbers.
    text = "\0".join((VERSION, code, _NUMBER.sub("#", message), normalised(node_text(lines, line, end_line, col,
                                                                                     end_col)), scope))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def node_text(lines: Sequence[str], line: int, end_line: int, col: int = 0, end_col: int = -1) -> str:
    if not 0 < line <= len(lines):
        return ""
    end_line = min(max(line, end_line), len(lines))
    part = list(lines[line - 1:end_line])
    if end_col >= 0 and end_line >= line:
        part[-1] = part[-1][:end_col] if end_line > line else part[-1][:max(end_col, col)]
    part[0] = part[0][col:]
    return "".join(part)


@lru_cache(maxsize=8)  # every code reported on one call reads the same text
def normalised(source: str) -> str:
    """The tokens of ``source`` without layout: no comments or line breaks, strings by their value
    (so quote style and prefixes do not count), no comma right before a closing bracket."""
    out: List[str] = []
    pending = None  # a comma, kept until the next token shows whether it closes a bracket
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            kind = token.type
            if kind in _SKIP:
                continue
            text = token.string
            if pending is not None:
                if text not in _CLOSERS:  # else: a trailing comma, as black adds when it splits a call
                    out.append(pending)
                pending = None
            if kind == tokenize.OP and text == ",":
                pending = text
                continue
            if kind == tokenize.STRING:
                text = _string_text(text)
            elif kind in _FSTRING_EDGES:
                text = text.replace("'", '"')
            elif kind == tokenize.NUMBER:
                text = text.lower()
            out.append(text)
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return _SPACE.sub(" ", source).strip()
    if pending is not None:
        out.append(pending)
    return " ".join(out)


def _string_text(text: str) -> str:
    """A string literal by its value. A literal without prefix, backslash or carriage return is its
    own value between the quotes; the others are evaluated (100,000 ``compile`` calls took over a
    second on a 50,000-key dict)."""
    if text[0] in "'\"" and "\\" not in text and "\r" not in text:
        quotes = 3 if len(text) >= 6 and text[:3] in ('"""', "'''") else 1
        return repr(text[quotes:-quotes])
    try:
        return repr(ast.literal_eval(text))
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return text.replace("'", '"')  # an f-string before 3.12: quote style still must not count


# The fields of a node that hold statements (a match's cases and a try's handlers hold nodes whose
# ``body`` does); no expression holds one.
STATEMENT_FIELDS = ("body", "orelse", "finalbody", "handlers", "cases")


class Scopes:
    """The dotted name of the innermost function or class around a line, from one walk of the tree."""

    def __init__(self, tree: Optional[ast.AST]) -> None:
        self._spans: List[Tuple[int, int, str]] = []
        if tree is not None:
            self._collect(tree, "")
        self._spans.sort(key=lambda span: (span[0], -span[1]))  # an outer span before an inner one on its line
        self._starts = [start for start, _, _ in self._spans]
        # Functions and classes nest, so the spans form a tree: each span's parent is the nearest
        # earlier span still open where it starts.
        self._parents: List[int] = []
        open_spans: List[int] = []
        for index, (start, end, _) in enumerate(self._spans):
            while open_spans and self._spans[open_spans[-1]][1] < start:
                open_spans.pop()
            self._parents.append(open_spans[-1] if open_spans else -1)
            open_spans.append(index)

    def _collect(self, node: ast.AST, prefix: str) -> None:
        # Iterative (the spans are sorted afterwards), and over statements only: a def is always a
        # statement, so expressions, most of a tree, are never visited.
        stack = [(node, prefix)]
        while stack:
            node, prefix = stack.pop()
            for child in (child for field in STATEMENT_FIELDS for child in getattr(node, field, None) or ()):
                if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    name = f"{prefix}{child.name}"
                    self._spans.append((child.lineno, getattr(child, "end_lineno", child.lineno) or child.lineno, name))
                    stack.append((child, name + "."))
                else:
                    stack.append((child, prefix))

    def name(self, line: int) -> str:
        """The innermost span around ``line``: the last span that starts at or before it, or the
        nearest of its enclosing spans that still runs at the line (a walk up the nesting, not a
        scan of the file: a long module has as many findings as functions)."""
        index = bisect.bisect_right(self._starts, line) - 1
        while index >= 0:
            start, end, name = self._spans[index]
            if start <= line <= end:
                return name
            index = self._parents[index]
        return ""


def numbered(diagnostics: Iterable[Diagnostic]) -> Iterator[Tuple[Diagnostic, int]]:
    """Each diagnostic with its occurrence among the same fingerprint in the same file."""
    seen: Counter = Counter()
    for diagnostic in diagnostics:
        key = (diagnostic.path, diagnostic.fingerprint)
        seen[key] += 1
        yield diagnostic, seen[key]
